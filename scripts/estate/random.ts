// A seeded random source (mulberry32) and the id shapes AWS uses: the estate is the same for the same seed.

const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class Rng {
  private state: number;
  /** Every id handed out, so that none is given twice. */
  private readonly issued = new Set<string>();
  private publicIps = 0;

  constructor(seed: number) {
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** One of `items`, by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      if ((r -= w) < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Up to `n` distinct items, in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(this.int(copy.length), 1)[0]!);
    return out;
  }

  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  /** `vpc-0a1b2c3d4e5f67890`: EC2's 17 hex digits. */
  ec2Id(prefix: string): string {
    return this.unique(() => `${prefix}-0${this.chars(HEX, 16)}`);
  }

  /** `a1b2c3d4e5`: API Gateway's 10 characters (API ids, resource ids are 6 to 10). */
  apiId(length = 10): string {
    return this.unique(() => this.chars(LOWER_ALNUM, length));
  }

  /** A 12-digit AWS account id. */
  accountId(): string {
    return this.unique(() => `${1 + this.int(9)}${this.chars('0123456789', 11)}`);
  }

  /** `Z0123456789ABCDEFGHIJ`: a Route 53 hosted zone id. */
  zoneId(): string {
    return this.unique(() => `Z0${this.chars(UPPER_ALNUM, 19)}`);
  }

  /** A lower-case UUID. */
  uuid(): string {
    const h = (n: number) => this.chars(HEX, n);
    return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
  }

  /** A public IPv4 address from AWS's ranges, each handed out once. */
  publicIp(): string {
    const n = ++this.publicIps;
    const rest = Math.floor(n / 5);
    return `${[3, 18, 34, 52, 54][n % 5]!}.${(rest >> 14) & 255}.${(rest >> 6) & 255}.${((rest & 63) << 2) + 1}`;
  }

  hex(n: number): string {
    return this.chars(HEX, n);
  }

  alnum(n: number): string {
    return this.chars(LOWER_ALNUM, n);
  }
}
