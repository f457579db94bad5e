// Node module hooks that run the TypeScript sources directly, as the tests see them: `.ts`
// files are transpiled by @swc/core with the repo's .swcrc.json (decorators and their
// metadata included), and `./x.js` imports resolve to `./x.ts` when only that exists.
import { readFileSync } from 'node:fs';
import { transform } from '@swc/core';

const swcOptions = JSON.parse(
  readFileSync(new URL('../../../.swcrc.json', import.meta.url), 'utf8'),
);

const isOwnSource = (url) => url.startsWith('file:') && !url.includes('/node_modules/');

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !relative || !specifier.endsWith('.js')) {
      throw error;
    }
    if (!context.parentURL || !isOwnSource(context.parentURL)) throw error;
    return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts') || !isOwnSource(url)) return nextLoad(url, context);
  const filename = new URL(url).pathname;
  const { code } = await transform(readFileSync(filename, 'utf8'), {
    ...swcOptions,
    swcrc: false,
    filename,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
