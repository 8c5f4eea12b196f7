using System.Text.Json.Serialization;

namespace Storewise.Api.Imports;

/// <summary>The data of an import event: the import as the API shows it, and the coupon it fills.</summary>
public sealed record ImportEvent(
    [property: JsonPropertyName("couponId")] string CouponId,
    [property: JsonPropertyName("codesImport")] CodesImportResource CodesImport);
