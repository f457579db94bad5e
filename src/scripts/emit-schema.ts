import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { buildAppSchema } from '../graphql/build-schema.js';
import { createAppPubSub } from '../pubsub.js';

/** Writes the SDL that type-graphql emits to src/schema/schema.graphql (codegen's input). */
const target = fileURLToPath(new URL('../../../src/schema/schema.graphql', import.meta.url));
await buildAppSchema(createAppPubSub(), target);
console.log(`Schema written to ${target}`);
