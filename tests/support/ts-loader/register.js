// `node --import ./tests/support/ts-loader/register.js src/main.ts` runs the server unbuilt.
import { register } from 'node:module';

register('./hooks.js', import.meta.url);
