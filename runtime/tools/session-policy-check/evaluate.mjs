// Judges each generated session policy in runtime/src/test/resources/dev/airlock/credentials/differential/cases.json
// with @cloud-copilot/iam-simulate: the session (role allowed everything, narrowed by the session policy) must be
// allowed its call and denied the same action on a sibling resource. Writes verdicts.json beside the cases, with the
// SHA-256 of the cases it judged; SessionPolicyDifferentialTest checks both files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '..', '..', 'src', 'test', 'resources', 'dev', 'airlock', 'credentials', 'differential');
const raw = fs.readFileSync(path.join(dir, 'cases.json'));
const cases = JSON.parse(raw.toString('utf8'));

const ROLE_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

async function judge(c, resource) {
  const result = await runSimulation({
    request: {
      principal: 'arn:aws:sts::123456789012:assumed-role/airlock-actions/airlock.alice.' + c.action.replace(':', '-'),
      action: c.action,
      resource: { resource, accountId: '123456789012' },
      contextVariables: {},
    },
    identityPolicies: [{ name: 'role', policy: ROLE_POLICY }],
    sessionPolicy: c.sessionPolicy,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType === 'error') {
    throw new Error(c.id + ' on ' + resource + ': ' + JSON.stringify(result.errors));
  }
  return result.overallResult;
}

const results = {};
for (const c of cases) {
  results[c.id] = { call: await judge(c, c.resource), sibling: await judge(c, c.sibling) };
}
const out = {
  evaluator: '@cloud-copilot/iam-simulate ' + JSON.parse(fs.readFileSync(path.join(here, 'node_modules', '@cloud-copilot',
    'iam-simulate', 'package.json'), 'utf8')).version,
  cases: crypto.createHash('sha256').update(raw).digest('hex'),
  results,
};
fs.writeFileSync(path.join(dir, 'verdicts.json'), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(results));
