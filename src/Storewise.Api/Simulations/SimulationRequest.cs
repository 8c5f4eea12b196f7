using Storewise.Api.WhatIf;

namespace Storewise.Api.Simulations;

/// <summary>
/// Body of <c>POST /v0/promotions/simulations</c>: replay the carts logged in [<c>from</c>, <c>to</c>) (RFC 3339),
/// of the given stores only when <c>stores</c> is not empty, against <c>preview</c> (the same change a cart
/// request takes).
/// </summary>
public sealed record SimulationRequest(string? From, string? To, IReadOnlyList<string?>? Stores, CartPreviewRequest? Preview);
