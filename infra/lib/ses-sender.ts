import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { SesSettings } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';

type SesConfig = SesSettings;

/** Properties of a {@link SesSender}. */
export interface SesSenderProps {
  /** The notifier's SES settings (sender, recipients, configuration set). */
  readonly ses: SesConfig;
  /**
   * Send from this verified domain identity instead of the `from` address identity.
   * @default - the `from` address is the identity
   */
  readonly identityDomain?: string;
  /**
   * Create the identity. An email identity makes SES send a verification email; a domain identity needs its DKIM records.
   * @default false - the identity exists and is referenced by ARN
   */
  readonly createIdentity?: boolean;
  /**
   * Create the configuration set named in `ses.configurationSet`.
   * @default false - referenced by name
   */
  readonly createConfigurationSet?: boolean;
  /**
   * The account is in the SES sandbox, where recipients are verified identities and SES also
   * authorizes the send against them: grant `ses:SendEmail` on each recipient identity too.
   * @default false
   */
  readonly sandbox?: boolean;
  /**
   * Recipients of routes (`policy.routes[].ses`), granted like `to` and `cc` in the sandbox.
   * @default - none
   */
  readonly routeRecipients?: readonly string[];
}

/**
 * The SES side of delivery: the sender identity (created or referenced), an optional
 * configuration set, and a grant of `ses:SendEmail` on exactly those ARNs.
 */
export class SesSender extends Construct {
  /** ARN of the sender identity. */
  readonly identityArn: string;
  /** The identity, when this construct created it. */
  readonly identity?: ses.EmailIdentity;
  /** Name of the configuration set, when one is configured. */
  readonly configurationSetName?: string;
  /** ARN of the configuration set, when one is configured. */
  readonly configurationSetArn?: string;
  /** The configuration set, when this construct created it. */
  readonly configurationSet?: ses.ConfigurationSet;
  /** Every ARN `ses:SendEmail` is granted on. */
  readonly sendResources: readonly string[];

  constructor(scope: Construct, id: string, props: SesSenderProps) {
    super(scope, id);
    const { ses: settings } = props;
    const domain = props.identityDomain?.toLowerCase();
    if (domain && !settings.from.toLowerCase().endsWith(`@${domain}`)) {
      throw new ConfigError('ses.identityDomain', `the sender ${settings.from} is not an address of ${domain}`);
    }
    const identityName = domain ?? settings.from;
    if (props.createIdentity) {
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: domain ? ses.Identity.domain(domain) : ses.Identity.email(settings.from),
      });
    }
    // The name is known either way; a literal ARN keeps the grant readable in the template.
    this.identityArn = this.arn('identity', identityName);
    const resources = [this.identityArn];
    if (settings.configurationSet) {
      if (props.createConfigurationSet) {
        this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', { configurationSetName: settings.configurationSet });
      }
      this.configurationSetName = settings.configurationSet;
      this.configurationSetArn = this.arn('configuration-set', settings.configurationSet);
      resources.push(this.configurationSetArn);
    }
    if (props.sandbox) {
      const addresses = [...settings.to, ...settings.cc, ...(props.routeRecipients ?? [])];
      const recipients = new Set(addresses.map((address) => address.toLowerCase()));
      recipients.delete(identityName.toLowerCase());
      for (const address of recipients) resources.push(this.arn('identity', address));
    }
    this.sendResources = resources;
  }

  /** Grants `ses:SendEmail` on the identity, the configuration set and (sandbox) the recipients, and nothing else. */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['ses:SendEmail'], resourceArns: [...this.sendResources] });
  }

  private arn(resource: string, name: string): string {
    return Stack.of(this).formatArn({ service: 'ses', resource, resourceName: name });
  }
}
