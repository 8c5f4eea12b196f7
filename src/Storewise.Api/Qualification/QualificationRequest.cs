using System.ComponentModel;
using Storewise.Api.Carts;

namespace Storewise.Api.Qualification;

/// <summary>The body of <c>POST /v0/promotions/qualification</c>: a cart (its items may be empty) with its customer.</summary>
public sealed record QualificationRequest(
    [property: Description("The cart as for POST /v0/promotions/cart (items may be empty), with its customerId and customerAttributes.")]
    CartRequest? Cart,
    [property: Description("With true, coupons this customer could use are listed too (each priced as if one of its codes were added); default false.")]
    bool? IncludeCoupons);
