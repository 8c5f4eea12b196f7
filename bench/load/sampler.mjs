// Reads what the server processes use from /proc: CPU time (utime + stime) over a phase, resident memory
// sampled every 250 ms (VmRSS) and the kernel's high-water mark (VmHWM); and how busy the whole machine was,
// so that load from other programs on a shared machine shows in the results.

import { readFileSync, readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const TICKS_PER_SECOND = Number(process.env.CLK_TCK || 100)

function cpuTicks (pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of the whole line)
  } catch {
    return 0
  }
}

function memoryKb (pid, name) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function machineTicks () {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const numbers = values.map(Number)
  const idle = numbers[3] + numbers[4]
  const total = numbers.reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

/** The given process and its children (PostgreSQL's postmaster and its backends). */
export function processTree (rootPid) {
  const pids = [rootPid]
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === rootPid) pids.push(Number(entry))
    } catch { /* gone */ }
  }
  return pids
}

export class ProcessSampler {
  constructor (pids, dbRoot) {
    this.pids = pids
    this.dbRoot = dbRoot
    this.samples = []
  }

  start () {
    this.began = performance.now()
    this.cpuStart = this.pids.map(cpuTicks)
    this.dbStart = this.dbRoot ? new Map(processTree(this.dbRoot).map((pid) => [pid, cpuTicks(pid)])) : null
    this.machineStart = machineTicks()
    this.load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    this.sample()
    this.timer = setInterval(() => this.sample(), 250)
  }

  sample () {
    const rssKb = this.pids.reduce((sum, pid) => sum + memoryKb(pid, 'VmRSS'), 0)
    this.samples.push({ t: performance.now() - this.began, rssMb: rssKb / 1024 })
  }

  stop () {
    clearInterval(this.timer)
    this.sample()
    const seconds = (performance.now() - this.began) / 1000
    const serverTicks = this.pids.reduce((sum, pid, i) => sum + cpuTicks(pid) - this.cpuStart[i], 0)
    let dbTicks = null
    if (this.dbStart) {
      dbTicks = 0
      for (const pid of processTree(this.dbRoot)) dbTicks += cpuTicks(pid) - (this.dbStart.get(pid) ?? 0)
    }
    const machine = machineTicks()
    const rss = this.samples.map((s) => s.rssMb)
    const tail = rss.slice(Math.floor(rss.length / 2)).sort((a, b) => a - b)
    return {
      // 100% = one core busy for the whole phase; the machine has `nproc` cores.
      serverCpuPercent: (serverTicks / TICKS_PER_SECOND / seconds) * 100,
      dbCpuPercent: dbTicks === null ? null : (dbTicks / TICKS_PER_SECOND / seconds) * 100,
      machineBusyPercent: ((machine.busy - this.machineStart.busy) / (machine.total - this.machineStart.total)) * 100,
      loadAverageAtStart: this.load,
      rssSteadyMb: tail.length ? tail[Math.floor(tail.length / 2)] : NaN,
      rssPeakMb: rss.length ? Math.max(...rss) : NaN,
      hwmMb: this.pids.reduce((sum, pid) => sum + memoryKb(pid, 'VmHWM'), 0) / 1024,
      rssSamples: this.samples
    }
  }
}
