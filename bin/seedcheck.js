#!/usr/bin/env node
// The bin only starts the CLI; all logic is in main(), which returns the exit code.
import module from 'node:module';

if (!process.env.CI) module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
