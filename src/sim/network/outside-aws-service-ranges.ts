// Addresses that can never be in an AWS-managed service prefix list (the S3 or DynamoDB list a gateway endpoint
// routes to), so such a route cannot win for them even when the list's CIDRs are not in the model.
import { cidrContains, parseCidr, type Cidr, type IpAddress } from '../ip/index.js';

// Private (RFC 1918), shared (RFC 6598), link-local, and the documentation ranges (RFC 5737) that vpcpath uses
// for the illustrative addresses of API Gateway and CloudFront front doors and of made-up public IPs.
const NEVER_AWS_SERVICE_SPACE: Cidr[] = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16',
  '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24',
].flatMap((text) => {
  const c = parseCidr(text);
  return c.ok ? [c.value] : [];
});

export function outsideAwsServiceRanges(address: IpAddress): boolean {
  return NEVER_AWS_SERVICE_SPACE.some((cidr) => cidr.family === address.family && cidrContains(cidr, address));
}
