using Storewise.Api.Common;

namespace Storewise.Api.Imports;

/// <summary>Wakes this instance's import worker when an upload completes, instead of waiting for the next poll.</summary>
public sealed class ImportSignal : WakeUp;
