import type { RequestHandler } from 'express';

/**
 * Every route is a public, read-only view of the benchmark with no cookies or credentials, so any origin (the
 * dashboard on :3000, a notebook) may read it. Preflights are answered here because GraphQL POSTs with a JSON
 * body need one.
 */
export const openCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.header('Access-Control-Request-Headers') ?? 'content-type');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.setHeader('Vary', 'Access-Control-Request-Headers');
  res.status(204).end();
};
