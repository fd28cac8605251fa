using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>Where a kernel binding reads or writes: a planned tensor, the runner's weights, or the plan's data words.</summary>
internal readonly record struct Operand(TensorView? View, OperandSource Source, int Offset)
{
    public static Operand Of(TensorView view) => new(view, OperandSource.Tensor, 0);

    public int AbsoluteOffset => View?.AbsoluteOffset ?? Offset;
}

internal enum OperandSource
{
    Tensor,
    Weights,
    PlanData,
}

/// <summary>
/// One dispatch of a plan before buffers exist: the kernel (embedded file + defines), its operands by binding
/// (0 source, 1 second source / residual, 2 destination, 5 channel scale), the parameter words (computed after
/// placement, when offsets are final) and the work-group counts.
/// </summary>
internal sealed class StepSpec
{
    public required string Node { get; init; }

    public required string Kernel { get; init; }

    public string[] Defines { get; init; } = [];

    public required Operand?[] Bindings { get; init; }

    public required Func<int[]> Parameters { get; init; }

    public required (int X, int Y, int Z) Groups { get; init; }

    public IEnumerable<TensorView> Views => Bindings.Where(b => b?.View is not null).Select(b => b!.Value.View!);
}

/// <summary>One dispatch of a compiled plan: everything <see cref="GpuBoundRun.Record()"/> needs, resolved.</summary>
internal sealed class PlanStep
{
    public PlanStep(string node, IComputeProgram program, IStorageBuffer[] buffers, int parameterBase, (int X, int Y, int Z) groups)
    {
        Node = node;
        Program = program;
        Buffers = buffers;
        ParameterBase = parameterBase;
        Groups = groups;
    }

    /// <summary>The graph node the dispatch computes, for per-step timings.</summary>
    public string Node { get; }

    public IComputeProgram Program { get; }

    /// <summary>Buffers for bindings 0 to 5; unused bindings hold a harmless buffer (the weights).</summary>
    public IStorageBuffer[] Buffers { get; }

    public int ParameterBase { get; }

    public (int X, int Y, int Z) Groups { get; }
}
