#!/usr/bin/env node
// `npx tadamon-audit <command>` from the repository: runs apps/auditor/src/main.ts through
// @swc-node/register with the workspace's path aliases, from whatever folder it is called.
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || join(root, 'tsconfig.json');
require('@swc-node/register');
require(join(root, 'apps', 'auditor', 'src', 'main.ts'));
