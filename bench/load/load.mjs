// Seeds a tenant through the HTTP API, then measures POST /v0/promotions/cart at a fixed rate and the
// coupon and code list pages. Started by run.sh, which builds and starts the server; see docs/performance.md.

import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Pool } from 'undici'
import { carts, codeText, coupons, promotions, world } from './catalogue.mjs'
import { runAtRate } from './rate.mjs'

const { values: options } = parseArgs({
  options: {
    urls: { type: 'string' },
    token: { type: 'string' },
    pids: { type: 'string' },
    'db-pid': { type: 'string' },
    promotions: { type: 'string', default: '1000' },
    coupons: { type: 'string', default: '1000' },
    codes: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '10' },
    'list-rate': { type: 'string', default: '200' },
    'list-duration': { type: 'string', default: '20' },
    'find-max': { type: 'boolean', default: false },
    'max-p99': { type: 'string', default: '50' },
    soak: { type: 'boolean', default: false },
    'soak-duration': { type: 'string', default: '600' },
    'skip-lists': { type: 'boolean', default: false },
    'max-rss': { type: 'string' },
    seed: { type: 'string', default: '20250601' },
    'cart-log-rate': { type: 'string' },
    'limited-share': { type: 'string', default: '0' },
    connections: { type: 'string', default: '64' },
    out: { type: 'string' },
    label: { type: 'string', default: '' }
  }
})

const urls = options.urls.split(',')
const token = options.token
const pids = options.pids.split(',').map(Number)
const dbPids = options['db-pid'] ? Number(options['db-pid']) : null
const seed = Number(options.seed)
const promotionCount = Number(options.promotions)
const shape = world(promotionCount)
const rate = Number(options.rate)
const duration = Number(options.duration)
const connections = Number(options.connections)

const pools = urls.map((url) => new Pool(url, { connections: Math.max(1, Math.ceil(connections / urls.length)), pipelining: 1, keepAliveTimeout: 60_000 }))
const log = (...args) => console.error(`[load ${new Date().toISOString().slice(11, 19)}]`, ...args)

async function call (method, path, body, expect = [200, 201]) {
  const pool = pools[0]
  for (let attempt = 0; ; attempt++) {
    const response = await pool.request({
      method,
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: 60_000,
      bodyTimeout: 60_000
    })
    const text = await response.body.text()
    if (expect.includes(response.statusCode)) return text ? JSON.parse(text) : {}
    if ((response.statusCode === 429 || response.statusCode === 503) && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      continue
    }
    throw new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 500)}`)
  }
}

async function inParallel (items, concurrency, work) {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++
      await work(items[i], i)
    }
  }))
}

async function seedTenant () {
  const started = Date.now()
  const promotionBodies = promotions(shape, promotionCount, seed)
  // With --limited-share, every n-th promotion gets a count limit it never reaches, so carts meet limited offers
  // (one more round trip for their usage) and are priced as without the limit.
  const limitedShare = Number(options['limited-share'])
  if (limitedShare > 0) {
    const every = Math.max(1, Math.round(1 / limitedShare))
    promotionBodies.forEach((body, i) => { if (i % every === 0) body.limits = { maxRedemptions: 1000000000 } })
  }
  await inParallel(promotionBodies, 8, (body) => call('POST', '/v0/promotions/promotion', body))
  log(`seeded ${promotionBodies.length} promotions in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  const couponPlans = coupons(shape, Number(options.coupons), Number(options.codes), seed)
  const couponIds = []
  const valid = []
  const inactive = []
  const codeIds = new Map()
  await inParallel(couponPlans, 8, async (plan, index) => {
    const created = await call('POST', '/v0/promotions/coupon', plan.body)
    const id = created.coupon.id
    couponIds[index] = { id, codes: plan.codes }
    for (let from = 0; from < plan.codes; from += 1000) {
      const texts = Array.from({ length: Math.min(1000, plan.codes - from) }, (_, k) => codeText(index, from + k))
      const answer = await call('POST', `/v0/promotions/coupon/${id}/code`, { codes: texts })
      for (const code of answer.codes) codeIds.set(code.name, { couponId: id, codeId: code.id })
    }
  })
  // Everything but a few hundred codes is active; deactivated ones are sent too, to exercise rejections.
  const all = [...codeIds.keys()].sort()
  const deactivate = all.filter((_, i) => i % 500 === 7)
  await inParallel(deactivate, 8, async (code) => {
    const { couponId, codeId } = codeIds.get(code)
    await call('PATCH', `/v0/promotions/coupon/${couponId}/code/${codeId}`, { active: false })
  })
  const inactiveSet = new Set(deactivate)
  for (const code of all) (inactiveSet.has(code) ? inactive : valid).push(code)
  log(`seeded ${couponIds.length} coupons with ${all.length} codes (${inactive.length} deactivated) in ${((Date.now() - started) / 1000).toFixed(1)} s total`)
  return { couponIds, codes: { valid, inactive }, seedSeconds: (Date.now() - started) / 1000 }
}

// Reads one answer in 25 to show that carts really get discounts and codes really get checked.
function cartCheck () {
  const seen = { bytes: 0, carts: 0, discounted: 0, lines: 0, discountedLines: 0, codes: 0, applied: 0, rejected: {} }
  return {
    seen,
    wants: (i) => i % 25 === 0,
    inspect: (text) => {
      const cart = JSON.parse(text)
      seen.carts++
      seen.bytes += Buffer.byteLength(text)
      if (cart.discountTotal > 0 || (cart.shippingDiscounts?.length ?? 0) > 0) seen.discounted++
      for (const item of cart.items) {
        seen.lines++
        if (item.discounts.some((d) => d.level !== 'cart')) seen.discountedLines++
        for (const d of item.discounts) if (d.source === 'coupon') seen.applied++
      }
      seen.codes += cart.couponCodes?.length ?? 0
      for (const r of cart.rejectedCoupons) seen.rejected[r.reason] = (seen.rejected[r.reason] ?? 0) + 1
    }
  }
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-')
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-')
// Server CPU time per answered request: less disturbed by other programs on the machine than latency is.
const cpuPerRequest = (r) => (r.serverCpuPercent / 100) * 1000 / r.achievedRate
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-')

function row (name, r) {
  return `| ${name} | ${r.targetRate} | ${f0(r.achievedRate)} | ${f1(r.latency.p50)} | ${f1(r.latency.p90)} | ${f1(r.latency.p99)} | ${f1(r.latency.max)} | ${r.errors} | ${f0(r.serverCpuPercent)}% | ${f2(cpuPerRequest(r))} | ${r.dbCpuPercent === null ? '' : f0(r.dbCpuPercent) + '% / '}${f0(r.clientCpuPercent)}% | ${f0(r.rssSteadyMb)} | ${f0(r.rssPeakMb)} |`
}

const HEADER = '| Phase | Target req/s | Achieved req/s | p50 ms | p90 ms | p99 ms | max ms | Errors | Server CPU | CPU ms/req | ' + (dbPids ? 'DB / load-gen CPU' : 'Load-gen CPU') + ' | RSS steady MB | RSS peak MB |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|'

async function main () {
  const results = { options, phases: {} }
  const seeded = await seedTenant()
  results.seedSeconds = seeded.seedSeconds
  if (options['cart-log-rate'] !== undefined) {
    // The cart log's cost is measured with it on from the warm-up on (docs/performance.md, cart log).
    await call('PUT', '/v0/promotions/configuration/cart-log', { sampleRate: Number(options['cart-log-rate']), retentionDays: 30 })
    log(`cart log on, sample rate ${options['cart-log-rate']}`)
  }
  const bodies = carts(shape, 2000, seed, seeded.codes)
  const cartRequest = (i) => ({ method: 'POST', path: '/v0/promotions/cart', body: bodies[i % bodies.length] })
  const lines = bodies.map((b) => JSON.parse(b).items.length)
  log(`carts: ${bodies.length} distinct, ${Math.min(...lines)}-${Math.max(...lines)} lines (mean ${(lines.reduce((a, b) => a + b, 0) / lines.length).toFixed(1)}), bodies ${Math.min(...bodies.map((b) => b.length))}-${Math.max(...bodies.map((b) => b.length))} bytes`)

  const phase = async (name, settings) => {
    log(`${name}: ${settings.rate} req/s for ${settings.seconds} s`)
    const result = await runAtRate({ pools, token, pids, dbPids, ...settings })
    log(`${name}: achieved ${f0(result.achievedRate)} req/s, p50 ${f1(result.latency.p50)} p90 ${f1(result.latency.p90)} p99 ${f1(result.latency.p99)} max ${f1(result.latency.max)} ms, errors ${result.errors}, server CPU ${f0(result.serverCpuPercent)}% (${f2(cpuPerRequest(result))} ms/req), RSS ${f0(result.rssSteadyMb)} MB (machine ${f0(result.machineBusyPercent)}% busy, load ${result.loadAverageAtStart})`)
    if (result.errors) log(`${name}: statuses ${JSON.stringify(result.statuses)} ${JSON.stringify(result.failures)}`)
    if (result.windows && settings.windowSeconds === 1) {
      // A list's first deep pages can wait for the one read of its boundaries (docs/decisions/0526-warm-boundaries-after-writes.md):
      // the first second apart from the others tells that wait from the machine's noise.
      const [first, ...rest] = result.windows
      log(`${name}: first second p50 ${f1(first.p50)} p99 ${f1(first.p99)} max ${f1(first.max)} ms; later seconds: highest p99 ${f1(Math.max(...rest.map((w) => w.p99)))}, highest max ${f1(Math.max(...rest.map((w) => w.max)))} ms`)
    }
    results.phases[name] = result
    return result
  }

  // Warm-up: JIT, connection pools, the compiled promotion set. Not reported.
  await phase('warm-up', { rate, seconds: Number(options.warmup), next: cartRequest })
  const check = cartCheck()
  await phase('cart', { rate, seconds: duration, next: cartRequest, check })
  results.cartCheck = check.seen

  if (!options['skip-lists']) {
    const listRate = Number(options['list-rate'])
    const listSeconds = Number(options['list-duration'])
    const couponPages = Math.max(1, Math.ceil(seeded.couponIds.length / 50))
    await phase('coupon list', {
      rate: listRate,
      seconds: listSeconds,
      next: (i) => ({ method: 'GET', path: `/v0/promotions/coupon?count=50&page=${1 + (i * 7) % couponPages}` })
    })
    // Code lists: half on the long campaign lists (any page), half on short lists.
    const long = seeded.couponIds.filter((c) => c.codes > 1000)
    const fewCodes = seeded.couponIds.filter((c) => c.codes <= 1000)
    const short = fewCodes.length ? fewCodes : seeded.couponIds
    await phase('code list', {
      rate: listRate,
      seconds: listSeconds,
      windowSeconds: 1,
      next: (i) => {
        const coupon = i % 2 === 0 && long.length ? long[(i >> 1) % long.length] : short[(i * 31) % short.length]
        const pages = Math.max(1, Math.ceil(coupon.codes / 50))
        return { method: 'GET', path: `/v0/promotions/coupon/${coupon.id}/code?count=50&page=${1 + (i * 13) % pages}` }
      }
    })
    // The last page of the longest code list: the deepest skip, which OFFSET made the slowest page.
    const longest = seeded.couponIds.reduce((a, c) => (c.codes > a.codes ? c : a))
    const lastPage = Math.max(1, Math.ceil(longest.codes / 50))
    await phase('code list, last page', {
      rate: listRate,
      seconds: listSeconds,
      windowSeconds: 1,
      next: () => ({ method: 'GET', path: `/v0/promotions/coupon/${longest.id}/code?count=50&page=${lastPage}` })
    })
  }

  if (options['find-max']) {
    const limit = Number(options['max-p99'])
    const steps = [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 5000]
    let best = null
    for (const step of steps) {
      const r = await phase(`find-max ${step}`, { rate: step, seconds: 20, next: cartRequest })
      const passed = r.errors === 0 && r.latency.p99 <= limit && r.achievedRate >= step * 0.97
      if (!passed) break
      best = step
    }
    results.maxRateWithinP99 = best
    log(`highest rate with p99 <= ${limit} ms and no errors: ${best ?? 'none'} req/s`)
  }

  if (options.soak) {
    const soakRate = Math.max(1, Math.round(rate / 2))
    const r = await phase('soak', { rate: soakRate, seconds: Number(options['soak-duration']), next: cartRequest, windowSeconds: 60 })
    results.soak = r.windows
  }

  console.log(`\n### ${options.label || 'Results'}\n`)
  console.log(HEADER)
  for (const [name, r] of Object.entries(results.phases)) if (name !== 'warm-up') console.log(row(name, r))
  const c = results.cartCheck
  console.log(`\nSampled cart answers: ${c.carts} (mean ${f0(c.bytes / c.carts / 1024)} KB); with a discount: ${f0(100 * c.discounted / c.carts)}%; lines with a line-level discount: ${f0(100 * c.discountedLines / c.lines)}%; coupon discounts applied: ${c.applied}; codes rejected: ${JSON.stringify(c.rejected)}.`)
  const cart = results.phases.cart
  console.log(`Machine busy during the cart phase: ${f0(cart.machineBusyPercent)}% of all cores; load average at its start: ${cart.loadAverageAtStart}; VmHWM (whole life, seeding included): ${f0(cart.hwmMb)} MB.`)
  if (results.maxRateWithinP99 !== undefined) console.log(`Highest rate with p99 <= ${options['max-p99']} ms and no errors: ${results.maxRateWithinP99 ?? 'none of the steps'} req/s.`)
  if (results.soak) {
    console.log('\n| Soak minute | p50 ms | p99 ms | max ms | Errors | RSS max MB |\n|---|---|---|---|---|---|')
    for (const w of results.soak) console.log(`| ${w.fromSecond / 60 + 1} | ${f1(w.p50)} | ${f1(w.p99)} | ${f1(w.max)} | ${w.errors} | ${f0(w.rssMb)} |`)
  }
  if (options.out) writeFileSync(options.out, JSON.stringify(results, null, 2))
  await Promise.all(pools.map((p) => p.close()))
  if (options['max-rss']) {
    const limit = Number(options['max-rss'])
    const peak = Math.max(...Object.values(results.phases).map((p) => p.rssPeakMb))
    console.log(`\nRSS check: peak ${f0(peak)} MB during the measured phases, ceiling ${limit} MB: ${peak <= limit ? 'within' : 'OVER'}.`)
    if (peak > limit) process.exitCode = 3
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
