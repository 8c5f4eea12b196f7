// An open-loop, fixed-rate HTTP load generator on undici.
//
// Requests leave on a fixed schedule (request i at start + i / rate) whatever the server does, and each
// latency is measured from the moment its request was *due*, not from when it was actually written. A server
// that stalls therefore shows the full wait of every request queued behind the stall (no "coordinated
// omission"), which is what a checkout that calls the service on every cart change experiences.

import { performance } from 'node:perf_hooks'
import { ProcessSampler } from './sampler.mjs'

const REQUEST_TIMEOUT_MS = 10_000
const MAX_IN_FLIGHT = 20_000

/**
 * Sends `rate` requests per second for `seconds` to the pools (round robin) and returns the measurements.
 * `next(i)` returns { method, path, body? } for request i. `check(status, text, i)` may inspect a few answers.
 */
export async function runAtRate ({ pools, token, rate, seconds, next, check, pids, dbPids, windowSeconds }) {
  const total = Math.max(1, Math.round(rate * seconds))
  const intervalMs = 1000 / rate
  const latencies = new Float64Array(total)
  const dueAt = new Float64Array(total)
  const ok = new Uint8Array(total)
  const statuses = new Map()
  const failures = new Map()
  let sent = 0
  let completed = 0
  let inFlight = 0
  let dropped = 0
  let lastDone = 0
  let closed = false
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }

  const sampler = new ProcessSampler(pids, dbPids)
  sampler.start()
  const clientCpu = process.cpuUsage()
  const start = performance.now()

  const fire = (i) => {
    const due = start + i * intervalMs
    dueAt[i] = due - start
    if (inFlight >= MAX_IN_FLIGHT) {
      dropped++
      latencies[i] = NaN
      completed++
      return
    }
    inFlight++
    const request = next(i)
    const pool = pools[i % pools.length]
    pool.request({
      method: request.method,
      path: request.path,
      headers,
      body: request.body,
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS
    }).then(async (response) => {
      const wantText = check && check.wants(i)
      const text = wantText ? await response.body.text() : (await response.body.dump(), '')
      const done = performance.now()
      if (closed) return
      latencies[i] = done - due
      lastDone = Math.max(lastDone, done)
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      if (response.statusCode >= 200 && response.statusCode < 300) {
        ok[i] = 1
        if (wantText) check.inspect(text, i)
      } else if (text && failures.size < 5) {
        failures.set(response.statusCode, text.slice(0, 300))
      }
    }, (error) => {
      if (closed) return
      latencies[i] = performance.now() - due
      const key = error.code ?? error.name ?? 'error'
      failures.set(key, String(error.message).slice(0, 300))
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
    }).finally(() => {
      inFlight--
      completed++
    })
  }

  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1)
      while (sent < due) fire(sent++)
      if (sent >= total) {
        clearInterval(timer)
        resolve()
      }
    }, 1)
  })
  // Let the last answers arrive (bounded by the request timeout).
  const drainUntil = performance.now() + REQUEST_TIMEOUT_MS + 1000
  while (completed < total && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 5))
  const usage = sampler.stop()
  // Answers still missing now count as errors; wait for them anyway, so that they do not land in the next phase.
  const unfinished = total - completed
  closed = true
  if (unfinished > 0) {
    statuses.set('unfinished', unfinished)
    const settleUntil = performance.now() + 60_000
    while (completed < total && performance.now() < settleUntil) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const cpu = process.cpuUsage(clientCpu)
  const elapsedMs = Math.max(lastDone, start + seconds * 1000) - start

  return summarise({
    total, latencies, ok, dueAt, statuses, failures, dropped, elapsedMs, usage, rate, seconds,
    clientCpuPercent: (cpu.user + cpu.system) / 10 / (performance.now() - start),
    windowSeconds
  })
}

function percentile (sorted, p) {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

function stats (values) {
  const sorted = Float64Array.from(values).sort()
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN
  }
}

function summarise ({ total, latencies, ok, dueAt, statuses, failures, dropped, elapsedMs, usage, rate, seconds, clientCpuPercent, windowSeconds }) {
  const good = []
  let errors = dropped
  for (let i = 0; i < total; i++) {
    if (ok[i]) good.push(latencies[i])
    else errors++
  }
  const result = {
    targetRate: rate,
    seconds,
    requests: total,
    achievedRate: good.length / (elapsedMs / 1000),
    errors,
    statuses: Object.fromEntries(statuses),
    failures: Object.fromEntries(failures),
    latency: stats(good),
    clientCpuPercent,
    ...usage
  }
  if (windowSeconds) {
    // Per-window percentiles, by the time each request was due (for the soak).
    const windows = []
    const windowMs = windowSeconds * 1000
    for (let from = 0; from < seconds * 1000; from += windowMs) {
      const inWindow = []
      let windowErrors = 0
      for (let i = 0; i < total; i++) {
        if (dueAt[i] >= from && dueAt[i] < from + windowMs) {
          if (ok[i]) inWindow.push(latencies[i])
          else windowErrors++
        }
      }
      const rss = usage.rssSamples.filter((s) => s.t >= from && s.t < from + windowMs).map((s) => s.rssMb)
      windows.push({ fromSecond: from / 1000, errors: windowErrors, ...stats(inWindow), rssMb: rss.length ? Math.max(...rss) : NaN })
    }
    result.windows = windows
  }
  delete result.rssSamples
  return result
}
