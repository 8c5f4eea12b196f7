using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Storewise.Sample.Client;
using Storewise.Sample.Client.Models;

namespace Storewise.Sample;

/// <summary>What one session did, for the caller to check.</summary>
public sealed record SessionOutcome(string PromotionId, bool PromotionListed, double CartTotal, double DiscountTotal, IReadOnlyList<string> RedeemedCodes);

/// <summary>
/// The README's first session with the generated client: create a promotion, list it, price a cart, create a
/// coupon with codes, redeem one and roll the order back. The HttpClient carries the base address and the bearer token.
/// </summary>
public static class FirstSession
{
    public static async Task<SessionOutcome> RunAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        var client = new StorewiseClient(adapter);
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var promotionName = $"Ten percent off {suffix}";
        var promotion = await client.V0.Promotions.Promotion.PostAsync(Offer(promotionName), cancellationToken: cancellationToken);
        var promotionId = promotion!.Promotion!.Id!;

        var list = await client.V0.Promotions.Promotion.GetAsync(
            request =>
            {
                request.QueryParameters.Count = 10;
                request.QueryParameters.Page = 1;
                request.QueryParameters.Name = promotionName;
                request.QueryParameters.Active = true;
            },
            cancellationToken);
        var listed = list!.Items!.Any(i => i.Promotion!.Id == promotionId);

        var cart = await client.V0.Promotions.Cart.PostAsync(
            new CartRequest
            {
                Currency = "EUR",
                Items = [new CartItemRequest { Id = "line-1", ProductId = "p1", Quantity = 2, Price = 50 }],
            },
            cancellationToken: cancellationToken);

        var coupon = await client.V0.Promotions.Coupon.PostAsync(Offer($"Welcome coupon {suffix}"), cancellationToken: cancellationToken);
        var couponId = coupon!.Coupon!.Id!;
        var code = $"WELCOME-{suffix}".ToUpperInvariant();
        await client.V0.Promotions.Coupon[couponId].Code.PostAsync(new CreateCodesRequest { Codes = [code] }, cancellationToken: cancellationToken);

        var orderId = $"order-{suffix}";
        var receipt = await client.V0.Promotions.Redemption.PostAsync(
            new RedemptionRequest { Codes = [code], ConsumerId = "customer-1", ChannelType = "store", CatalogTotal = 100, Currency = "EUR", OrderId = orderId },
            cancellationToken: cancellationToken);
        await client.V0.Promotions.Redemption[orderId].DeleteAsync(cancellationToken: cancellationToken);

        return new SessionOutcome(
            promotionId,
            listed,
            cart!.Total ?? 0,
            cart.DiscountTotal ?? 0,
            [.. receipt!.Redemptions!.Select(r => r.Code!)]);
    }

    private static OfferRequest Offer(string name) => new()
    {
        Name = name,
        Active = true,
        LocalizedTimezone = true,
        ValidFrom = "2020-01-01T00:00:00",
        ValidTo = "2099-12-31T23:59:59",
        Category = new CategoryRequest { Kind = CategoryRequest_kind.CartLevelPercentage, Discount = 10 },
        Currencies = [new CurrencyRequest { Code = "EUR", MinimumCartValue = 0 }],
        Stores = [],
    };
}
