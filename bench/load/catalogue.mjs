// Deterministic test data: a product catalogue, promotions of every kind, coupons with codes, and carts.
// Everything comes from one seeded generator, so two runs with the same options send the same requests.

export function rng (seed) {
  // mulberry32: small, fast, good enough for picking test data.
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p
  }
}

/**
 * The retailer's size grows with its promotion count: more products, categories and stores, so that a cart
 * line meets about as many promotions with 10,000 as with 1,000 (a catalogue grows in breadth; no retailer
 * stacks ten times more promotions on one product). See docs/performance.md for the resulting mix.
 */
export function world (promotionCount) {
  const products = Math.max(50_000, 50 * promotionCount)
  return {
    products,
    hot: Math.floor(products / 10), // the products most promotions target
    stores: Math.max(200, Math.floor(promotionCount / 5)),
    categoriesPerDepartment: Math.max(10, Math.floor(promotionCount / 100))
  }
}

const DEPARTMENTS = ['Women', 'Men', 'Kids', 'Home', 'Sport', 'Beauty', 'Shoes', 'Accessories', 'Outdoor', 'Electronics']

export const productId = (n) => `P${String(n).padStart(7, '0')}`
export const storeId = (n) => `store-${String(n).padStart(4, '0')}`

/** Each product sits in one department / category / subcategory, fixed by its number. */
export function productPath (w, n) {
  const category = Math.floor(n / 10) % w.categoriesPerDepartment
  const sub = Math.floor(n / (10 * w.categoriesPerDepartment)) % 10
  return ['Shop', DEPARTMENTS[n % 10], `C${category}`, `S${sub}`]
}

// Mostly leaf categories; a few whole categories.
function randomPath (r, w) {
  return productPath(w, r.int(0, w.products - 1)).slice(0, r.chance(0.1) ? 3 : 4)
}

function randomProducts (r, w, count) {
  const out = new Set()
  while (out.size < count) out.add(productId(r.int(0, w.hot - 1)))
  return [...out]
}

// Share of each kind among the promotions; product-targeted kinds dominate, as in a real catalogue.
const PROMOTION_MIX = [
  ['ProductLevelPercentage', 0.35], ['ProductLevelFixed', 0.18], ['BogoPercentage', 0.10], ['BogoFixed', 0.07],
  ['BundlePercentage', 0.07], ['BundleFixed', 0.05], ['CartLevelPercentage', 0.06], ['CartLevelFixed', 0.04],
  ['FreeShippingPercentage', 0.04], ['FreeShippingFixed', 0.04]
]
const COUPON_MIX = PROMOTION_MIX.filter(([kind]) => !kind.startsWith('Bundle'))

function kindFor (r, mix) {
  const total = mix.reduce((s, [, w]) => s + w, 0)
  let x = r.next() * total
  for (const [kind, weight] of mix) {
    x -= weight
    if (x < 0) return kind
  }
  return mix[mix.length - 1][0]
}

function fixedAmounts (r, currencies, lo, hi) {
  const amount = r.int(lo * 100, hi * 100) / 100
  return currencies.map((c) => ({ amount: c === 'USD' ? Math.round(amount * 110) / 100 : amount, currency: c }))
}

function category (r, w, kind, currencies) {
  const percent = kind.endsWith('Percentage')
  const base = { kind }
  switch (kind) {
    case 'CartLevelPercentage':
      return { ...base, discount: r.int(2, 20) }
    case 'CartLevelFixed':
      return { ...base, discounts: fixedAmounts(r, currencies, 2, 25) }
    case 'FreeShippingPercentage':
      return { ...base, discount: r.pick([50, 100, 100]) }
    case 'FreeShippingFixed':
      return { ...base, discounts: fixedAmounts(r, currencies, 1, 5) }
    case 'BundlePercentage':
    case 'BundleFixed': {
      const products = randomProducts(r, w, r.int(2, 3)).map((p) => ({ productId: p, quantity: r.int(1, 2) }))
      return percent
        ? { ...base, discount: r.int(5, 30), products }
        : { ...base, discounts: fixedAmounts(r, currencies, 3, 20), products }
    }
    default: {
      // Product-level and BOGO kinds target products or category paths, some with exclusions.
      const byCategory = r.chance(0.4)
      const target = {
        includedCategories: byCategory ? Array.from({ length: r.int(1, 2) }, () => ({ path: randomPath(r, w) })) : [],
        includedProducts: byCategory ? [] : randomProducts(r, w, r.int(1, 25)),
        excludedProducts: r.chance(0.3) ? randomProducts(r, w, r.int(1, 5)) : []
      }
      if (kind.startsWith('Bogo')) {
        const bogo = { ...target, buyQuantity: r.int(1, 3), getQuantity: 1 }
        return percent
          ? { ...base, ...bogo, discount: r.pick([50, 100]) }
          : { ...base, ...bogo, discounts: fixedAmounts(r, currencies, 1, 10) }
      }
      return percent
        ? { ...base, ...target, discount: r.int(5, 50) }
        : { ...base, ...target, discounts: fixedAmounts(r, currencies, 1, 15) }
    }
  }
}

function offer (r, w, index, kind, type) {
  const currencies = r.chance(0.2) ? ['EUR', 'USD'] : ['EUR']
  const cartWide = kind.startsWith('Cart') || kind.startsWith('FreeShipping')
  // Almost all running now; a few finished or not started yet; a few switched off.
  const window = r.next()
  const validFrom = window < 0.05 ? '2030-01-01T00:00:00Z' : `202${r.int(0, 4)}-0${r.int(1, 9)}-01T00:00:00Z`
  const validTo = window > 0.95 ? '2024-12-31T23:59:59Z' : (r.chance(0.5) ? null : '2099-12-31T23:59:59Z')
  // Cart-wide offers run in a few stores each, except a handful that run everywhere (index < 3).
  const everywhere = cartWide ? index < 3 : r.chance(0.6)
  const body = {
    name: `${type === 'coupon' ? 'Coupon' : 'Promotion'} ${String(index).padStart(5, '0')} ${kind}`,
    description: `Load test ${type} ${index}`,
    active: r.chance(0.95),
    validFrom,
    ...(validTo ? { validTo } : {}),
    category: category(r, w, kind, currencies),
    currencies: currencies.map((code) => ({
      code,
      minimumCartValue: cartWide && r.chance(0.6) ? r.int(20, 150) : 0
    })),
    stores: everywhere ? [] : Array.from({ length: r.int(1, 3) }, () => storeId(r.int(0, w.stores - 1))),
    exclusive: r.chance(0.03)
  }
  if (r.chance(0.05)) body.segment = { key: 'tier', value: r.pick(['gold', 'silver']), schema: 1 }
  return body
}

export function promotions (w, count, seed) {
  const r = rng(seed)
  // The first three are cart-wide and run everywhere; the rest follow the mix.
  return Array.from({ length: count }, (_, i) => offer(r, w, i, i < 3 ? ['CartLevelPercentage', 'CartLevelFixed', 'FreeShippingFixed'][i] : kindFor(r, PROMOTION_MIX), 'promotion'))
}

/**
 * Coupons and how many codes each gets: a few campaign coupons with thousands of unique codes (90% of all
 * codes) and many coupons with a handful each, so the code list has both long and short lists.
 */
export function coupons (w, count, totalCodes, seed) {
  const r = rng(seed + 1)
  const campaigns = Math.max(1, Math.min(10, Math.floor(count / 10)))
  const campaignCodes = Math.floor(totalCodes * 0.9 / campaigns)
  const rest = totalCodes - campaignCodes * campaigns
  const smallCount = count - campaigns
  return Array.from({ length: count }, (_, i) => {
    const body = offer(r, w, i + 3, kindFor(r, COUPON_MIX), 'coupon')
    body.active = true
    body.validFrom = '2024-01-01T00:00:00Z'
    delete body.validTo
    body.stores = r.chance(0.1) ? body.stores : []
    body.singleUse = i < campaigns
    const codes = i < campaigns
      ? campaignCodes
      : Math.floor(rest / smallCount) + ((i - campaigns) < rest % smallCount ? 1 : 0)
    return { body, codes }
  })
}

/** Code text: unique, upper case, 12 characters. */
export function codeText (coupon, n) {
  return `C${String(coupon).padStart(4, '0')}${String(n).padStart(5, '0')}X${(coupon * 7 + n * 13) % 97}`.slice(0, 14)
}

/**
 * Carts of 1 to 50 lines. Half the lines are "hot" products (the ones promotions target most), the rest
 * from the whole catalogue. Half the carts carry coupon codes: mostly valid, some deactivated, some unknown.
 */
export function carts (w, count, seed, codes) {
  const r = rng(seed + 2)
  const out = []
  for (let i = 0; i < count; i++) {
    const lines = r.int(1, 50)
    const currency = r.chance(0.9) ? 'EUR' : 'USD'
    const items = []
    const used = new Set()
    for (let l = 0; l < lines; l++) {
      let n
      do { n = r.chance(0.5) ? r.int(0, w.hot - 1) : r.int(0, w.products - 1) } while (used.has(n))
      used.add(n)
      items.push({
        id: `line-${l + 1}`,
        productId: productId(n),
        quantity: r.chance(0.7) ? 1 : r.int(2, 4),
        price: (50 + (n * 37) % 19_950) / 100,
        categories: [{ path: productPath(w, n) }],
        name: `Product ${n}`
      })
    }
    const couponCodes = []
    const roll = r.next()
    if (roll < 0.40 && codes.valid.length) couponCodes.push(r.pick(codes.valid))
    else if (roll < 0.45 && codes.valid.length) couponCodes.push(r.pick(codes.valid), r.pick(codes.valid))
    else if (roll < 0.48 && codes.inactive.length) couponCodes.push(r.pick(codes.inactive))
    else if (roll < 0.50) couponCodes.push(`NOPE${r.int(0, 999_999)}`)
    const cart = {
      customerId: `customer-${r.int(1, 100_000)}`,
      channelType: r.chance(0.7) ? 'store' : 'web',
      currency,
      storeId: storeId(r.int(0, w.stores - 1)),
      items,
      shippingCost: r.chance(0.5) ? 4.95 : 0,
      customerAttributes: r.chance(0.3) ? { tier: r.pick(['gold', 'silver', 'bronze']) } : {}
    }
    if (couponCodes.length) cart.couponCodes = couponCodes
    out.push(JSON.stringify(cart))
  }
  return out
}
