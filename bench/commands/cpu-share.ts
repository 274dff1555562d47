import { existsSync, readFileSync } from 'node:fs';
import { round } from '../shared/measure';

/** CPU time in seconds so far: the server's (over IPC), this process's, and the machine's busy time. */
export interface CpuReading {
  atNs: bigint;
  serverSeconds: number;
  benchSeconds: number;
  /** Non-idle time of all CPUs (Linux /proc/stat), undefined elsewhere. */
  machineBusySeconds: number | undefined;
}

/** Where the CPUs went over a phase, in cores (1 = one CPU busy the whole phase). */
export interface CpuShare {
  serverCores: number;
  /** The load generator (this process). */
  benchCores: number;
  machineBusyCores: number | undefined;
  /** Everything else on the machine: other jobs, PostgreSQL, the kernel's own work. */
  otherCores: number | undefined;
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

function machineBusySeconds(): number | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
  const busy = cpu.slice(0, 8).reduce((sum, ticks, i) => (i === 3 || i === 4 ? sum : sum + ticks), 0);
  return busy / TICKS_PER_SECOND;
}

export async function cpuReading(
  serverCpu: () => Promise<{ user: number; system: number }>,
): Promise<CpuReading> {
  const server = await serverCpu();
  const own = process.cpuUsage();
  return {
    atNs: process.hrtime.bigint(),
    serverSeconds: server.user + server.system,
    benchSeconds: (own.user + own.system) / 1e6,
    machineBusySeconds: machineBusySeconds(),
  };
}

export function cpuShare(before: CpuReading, after: CpuReading): CpuShare {
  const wall = Number(after.atNs - before.atNs) / 1e9;
  const serverCores = (after.serverSeconds - before.serverSeconds) / wall;
  const benchCores = (after.benchSeconds - before.benchSeconds) / wall;
  const machine =
    before.machineBusySeconds === undefined || after.machineBusySeconds === undefined
      ? undefined
      : (after.machineBusySeconds - before.machineBusySeconds) / wall;
  return {
    serverCores: round(serverCores, 2),
    benchCores: round(benchCores, 2),
    machineBusyCores: machine === undefined ? undefined : round(machine, 2),
    otherCores: machine === undefined ? undefined : round(Math.max(0, machine - serverCores - benchCores), 2),
  };
}
