namespace Storewise.Pricing;

internal static class Placeholder;
