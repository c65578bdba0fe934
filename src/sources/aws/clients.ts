// The AWS SDK v3 clients of one account and region, made alike: credentials, endpoint, adaptive retries, recorder.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { Route53ResolverClient } from '@aws-sdk/client-route53resolver';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { RecordingPlugin } from './record-operations.js';

export interface ClientSettings {
  readonly credentials: AwsCredentialIdentityProvider;
  /** `--endpoint-url`: every service at one URL (moto, LocalStack). Without it the SDK itself honours
   * `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and a profile's `endpoint_url`. */
  readonly endpoint?: string;
  readonly profile?: string;
  /** Attempts per request; throttling (ThrottlingException, RequestLimitExceeded) and 5xx answers are retried. */
  readonly maxAttempts: number;
  readonly plugin: RecordingPlugin;
}

type Client = { middlewareStack: { use(p: never): void }; destroy(): void };

/** The client config every service shares. `adaptive` retries add client-side rate limiting once AWS throttles. */
export function clientConfig(settings: ClientSettings, region: string) {
  return {
    region,
    credentials: settings.credentials,
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
  } as const;
}

/** Clients made on first use, so a region where only some services are called opens only those. */
export class Clients {
  private readonly made = new Map<unknown, Client>();
  constructor(private readonly settings: ClientSettings, readonly region: string) {}

  private get<C extends Client>(ctor: new (config: ReturnType<typeof clientConfig>) => C): C {
    let client = this.made.get(ctor);
    if (!client) {
      client = new ctor(clientConfig(this.settings, this.region));
      client.middlewareStack.use(this.settings.plugin as never);
      this.made.set(ctor, client);
    }
    return client as C;
  }

  get ec2(): EC2Client { return this.get(EC2Client); }
  get apigateway(): APIGatewayClient { return this.get(APIGatewayClient); }
  get apigatewayv2(): ApiGatewayV2Client { return this.get(ApiGatewayV2Client); }
  get lambda(): LambdaClient { return this.get(LambdaClient); }
  get route53resolver(): Route53ResolverClient { return this.get(Route53ResolverClient); }
  /** Route 53 is global: its clients use the partition's home region (us-east-1 in `aws`). */
  get route53(): Route53Client { return this.get(Route53Client); }
  get sts(): STSClient { return this.get(STSClient); }

  /** Closes the clients' sockets so the process can exit. */
  destroy(): void {
    for (const c of this.made.values()) c.destroy();
    this.made.clear();
  }
}

/** The region global services are signed for in a partition (Route 53, IAM). */
export function globalRegion(partition: string): string {
  if (partition === 'aws-cn') return 'cn-northwest-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}
