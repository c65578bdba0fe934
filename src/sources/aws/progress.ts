// Progress of a collection: one updating line on a terminal's stderr, nothing elsewhere (never stdout).

export interface Progress {
  /** A call was queued: the total grows as calls per VPC, API, zone or domain are discovered. */
  queued(): void;
  /** A call is being sent now. */
  started(label: string): void;
  finished(): void;
  /** Erases the line, before the summary is printed. */
  close(): void;
}

export const silentProgress: Progress = { queued() {}, started() {}, finished() {}, close() {} };

interface Terminal {
  write(text: string): unknown;
  readonly columns?: number;
}

/** `[37/52] 111111111111 ap-northeast-1 ec2 DescribeSubnets`, redrawn at most every 80 ms. */
export function terminalProgress(tty: Terminal, now: () => number = Date.now): Progress {
  let total = 0;
  let done = 0;
  let current = '';
  let drawnAt = 0;
  let drawn = false;
  const draw = (force = false) => {
    if (!force && now() - drawnAt < 80) return;
    drawnAt = now();
    const width = Math.max(20, (tty.columns || 80) - 1); // a pty may report 0 columns
    const line = `collecting [${done}/${total}] ${current}`;
    tty.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    drawn = true;
  };
  return {
    queued() { total++; draw(); },
    started(label) { current = label; draw(); },
    finished() { done++; draw(done === total); },
    close() { if (drawn) tty.write('\r\x1b[2K'); drawn = false; },
  };
}
