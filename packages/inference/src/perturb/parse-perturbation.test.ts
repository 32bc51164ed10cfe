import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PerturbationError } from './perturbation-error.js';
import { parsePerturbation } from './parse-perturbation.js';
import { PERTURBATION_SPECS } from './perturbation-specs.js';
import { SUITES, resolveSuite } from './suites.js';

test('named, positional and defaulted parameters give one canonical name', () => {
  assert.equal(parsePerturbation('blur(sigma=2)').canonical, 'blur(sigma=2)');
  assert.equal(parsePerturbation(' blur( 2 ) ').canonical, 'blur(sigma=2)');
  assert.equal(parsePerturbation('gamma(2.2)').canonical, 'gamma(value=2.2)');
  assert.equal(parsePerturbation('noise(sigma=10)').canonical, 'noise(sigma=10, seed=1)');
  assert.equal(parsePerturbation('noise(seed=7, sigma=3)').canonical, 'noise(sigma=3, seed=7)');
  assert.equal(parsePerturbation('mask').canonical, 'mask(kind=surgical)');
  assert.equal(parsePerturbation('hflip').canonical, 'hflip');
  assert.equal(parsePerturbation('hflip()').canonical, 'hflip');
  assert.deepEqual(parsePerturbation('jpeg(quality=10)').params, { quality: 10 });
});

test('every canonical name parses back to itself', () => {
  for (const spec of PERTURBATION_SPECS) {
    const p = parsePerturbation(spec.name);
    assert.equal(parsePerturbation(p.canonical).canonical, p.canonical);
  }
  for (const list of Object.values(SUITES)) for (const text of list) assert.equal(parsePerturbation(text).canonical, text);
});

test('bad perturbations are refused, naming the perturbation, the parameter and what was expected', () => {
  const refused = (text: string, pattern: RegExp) => assert.throws(() => parsePerturbation(text), (e: unknown) => e instanceof PerturbationError && pattern.test(e.message));
  refused('smudge(2)', /perturbation "smudge\(2\)": unknown perturbation "smudge"; known: mask, occlude, blur/);
  refused('blur(radius=2)', /blur has no parameter "radius"; it takes sigma/);
  refused('blur(sigma=-1)', /sigma must be a number from 0 to 20 \(got "-1"\)/);
  refused('blur(sigma=)', /sigma must be a number/);
  refused('jpeg(quality=9.5)', /quality must be an integer from 1 to 100/);
  refused('mask(kind=n95)', /kind must be one of surgical, black, white \(got "n95"\)/);
  refused('hflip(1)', /hflip takes no parameters/);
  refused('blur(1, 2)', /blur takes at most 1/);
  refused('blur(sigma=1, sigma=2)', /sigma is given twice/);
  refused('blur(sigma=1', /expected name or name\(key=value, …\)/);
});

test('suites: named ones and ";"-separated lists, canonical and without repeats', () => {
  assert.equal(resolveSuite('default').length, SUITES['default']?.length);
  assert.deepEqual(
    resolveSuite('blur(2);hflip;blur(sigma=2)').map((p) => p.canonical),
    ['blur(sigma=2)', 'hflip'],
  );
  assert.deepEqual(resolveSuite('hflip').map((p) => p.canonical), ['hflip']);
  assert.throws(() => resolveSuite('defualt'), /suite "defualt": expected one of default, identity, or perturbations separated by ";"/);
});
