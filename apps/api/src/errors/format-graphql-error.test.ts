import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { DatasetError, DatasetErrorCode } from '../modules/dataset/dataset.error.js';
import { ImageError, ImageErrorCode } from '../modules/image/image.error.js';
import { createGraphQLErrorFormatter } from './format-graphql-error.js';

const formatted = { message: 'raw', path: ['leaderboard'] };
/** graphql-js wraps what a resolver throws in a located GraphQLError. */
const thrownByResolver = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['leaderboard'] });

test('a domain error becomes its mapped code, reason and message', () => {
  const format = createGraphQLErrorFormatter(() => assert.fail('nothing to log'));
  assert.deepEqual(format(formatted, thrownByResolver(new DatasetError(DatasetErrorCode.NotFound, { id: 'x' }))), {
    message: 'There is no dataset "x". The datasets query lists the ones there are.',
    path: ['leaderboard'],
    extensions: { code: 'NOT_FOUND', reason: 'DATASET_NOT_FOUND' },
  });
  assert.equal(format(formatted, thrownByResolver(new ImageError(ImageErrorCode.FileMissing, { id: '7' }))).extensions?.reason, 'IMAGE_FILE_MISSING');
});

test('an unexpected error is logged and masked, so SQL and paths never reach clients', () => {
  const logged: unknown[] = [];
  const bug = new Error('relation "predictions" does not exist');
  const result = createGraphQLErrorFormatter((e) => logged.push(e))(formatted, thrownByResolver(bug));
  assert.equal(result.message, 'Internal server error.');
  assert.deepEqual(result.extensions, { code: 'INTERNAL_SERVER_ERROR' });
  assert.deepEqual(logged, [bug]);
});

test('errors GraphQL raised itself pass through unchanged', () => {
  const syntax = new GraphQLError('Syntax Error: Unexpected Name "x".', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  const shown = { message: syntax.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
  assert.equal(createGraphQLErrorFormatter(() => assert.fail('nothing to log'))(shown, syntax), shown);
});
