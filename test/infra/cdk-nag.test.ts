import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import { FIXTURE_HANDLER, sesDeploy, snsDeploy, testApp } from './support/synth.js';
import { nagViolations } from './support/template.js';

describe('AwsSolutionsChecks', () => {
  it.each([
    [
      'SES',
      sesDeploy(
        { ses: { from: 'alerts@example.com', to: ['team@example.com'], configurationSet: 'notifier' } },
        { ses: { createIdentity: true, createConfigurationSet: true, sandbox: true } },
      ),
    ],
    ['SNS', snsDeploy()],
    [
      'SES and SNS',
      parseDeployConfig({
        operatorEmail: 'ops@example.com',
        notifiers: [
          { id: 'Mail', notifier: { transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } } },
          { id: 'Pager', notifier: { transport: 'sns' }, sns: { subscriptionEmails: ['oncall@example.com'] } },
        ],
      }),
    ],
  ])('finds no unacknowledged violation in the %s stack', (_name, deploy) => {
    const stack = new NotifierStack(testApp(), 'Nag', { deploy, entry: FIXTURE_HANDLER });
    expect(nagViolations(stack)).toEqual([]);
  });
});
