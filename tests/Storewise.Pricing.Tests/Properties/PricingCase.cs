using System.Globalization;
using System.Text;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>One generated pricing input: a cart, the stored offers and codes, and the tenant settings.</summary>
public sealed record PricingCase(
    Cart Cart,
    Offer[] Promotions,
    Offer[] Coupons,
    Dictionary<string, CouponCodeState> Codes,
    string[] Excluded,
    bool Stackable)
{
    public static readonly DateTimeOffset EvaluatedAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public int Exponent => CurrencyMinorUnits.GetExponentOrDefault(Cart.Currency);

    public PricingResult Price(bool explain = true) => Price(Cart, Promotions, Coupons, explain);

    public PricingResult Price(Cart cart, Offer[] promotions, Offer[] coupons, bool explain = true) =>
        PricingEngine.Evaluate(cart, EvaluatedAt, PromotionCatalog.Compile(promotions, coupons, Excluded, Stackable), Codes, explain);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"stackable={Stackable} excluded=[{string.Join(",", Excluded)}]\n");
        text.Append(Describe.Cart(Cart)).Append('\n');
        foreach (var offer in Promotions)
        {
            text.Append(Describe.Offer(offer)).Append('\n');
        }

        foreach (var offer in Coupons)
        {
            text.Append(Describe.Offer(offer)).Append('\n');
        }

        foreach (var code in Codes.Values)
        {
            text.Append(CultureInfo.InvariantCulture, $"code {code}\n");
        }

        return text.ToString();
    }
}
