using Storewise.Api.Common;

namespace Storewise.Api.Events;

/// <summary>Wakes this instance's delivery worker when a write committed events with deliveries; other instances find them at their next poll.</summary>
public sealed class OutboxSignal : WakeUp;
