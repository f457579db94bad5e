#!/usr/bin/env node
// `maxon [role...]`: runs the built server (npm run build first); see src/main.ts.
import '../dist/src/main.js';
