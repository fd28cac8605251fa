using System.Diagnostics;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>The process's memory and the collector's counters at one moment of a soak run.</summary>
/// <param name="ResidentBytes">Resident set size (VmRSS on Linux).</param>
/// <param name="PeakResidentBytes">Highest resident set size so far (VmHWM on Linux).</param>
/// <param name="ManagedBytes">Bytes the managed heap holds live or not yet collected (<see cref="GC.GetTotalMemory(bool)"/> without a collection).</param>
/// <param name="HeapSizeBytes">The managed heap's size after the last collection, fragmentation included.</param>
/// <param name="Gen0">Collections so far of generation 0 (every collection, gen 1 and 2 included: each collects gen 0 too).</param>
/// <param name="Gen1">Collections so far of generation 1 (gen 2 ones included).</param>
/// <param name="Gen2">Generation-2 collections so far.</param>
public sealed record MemorySnapshot(
    long ResidentBytes, long PeakResidentBytes, long ManagedBytes, long HeapSizeBytes, int Gen0, int Gen1, int Gen2)
{
    /// <summary>Takes a snapshot; allocates, so it belongs outside the frames it measures.</summary>
    public static MemorySnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(
            process.WorkingSet64, process.PeakWorkingSet64, GC.GetTotalMemory(forceFullCollection: false),
            GC.GetGCMemoryInfo().HeapSizeBytes, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}
