namespace Storewise.Api.Codes;

/// <summary>A coupon's code list: how many codes it holds, and its generation for keyset paging (<see cref="CouponListSizes"/>).</summary>
public sealed record CodeListSize(long Total, long Generation);
