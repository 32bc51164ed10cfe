export interface Measurement {
  facesPerSecond: number;
  /** CPU time of this whole process (all its threads) per face. */
  cpuMicrosPerFace: number;
}

/** Times `work`, which handles `faces` faces; `seconds` may replace the wall time (a run reports its own). */
export async function measure(faces: number, work: () => Promise<number | void>): Promise<Measurement> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const reported = await work();
  const seconds = typeof reported === 'number' ? reported : (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { facesPerSecond: faces / seconds, cpuMicrosPerFace: (used.user + used.system) / faces };
}
