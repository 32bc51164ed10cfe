// Perturbations: named, parameterised, deterministic transforms of decoded pixels, applied before preprocessing.

export { type EnumParam, type NumberParam, type ParamSpec, type ParamValue, type Perturbation } from './perturbation.js';
export { PerturbationError, PerturbationErrorCode } from './perturbation-error.js';
export { PERTURBATION_SPECS, type PerturbationSpec, perturbationSpec } from './perturbation-specs.js';
export { canonicalName, parsePerturbation } from './parse-perturbation.js';
export { applyPerturbation, needsFace } from './apply-perturbation.js';
export { preparePerturbedImage } from './prepare-perturbed-image.js';
export { SUITES, resolveSuite } from './suites.js';
export { type FaceFrame, eyeBarPolygon, faceFrame, maskPolygon, mouthBarPolygon } from './face-regions.js';
export { fillPolygon, insidePolygon, polygonCoverage } from './fill-polygon.js';
