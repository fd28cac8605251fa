using NeuralPost.Core;
using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Turns a built plan into GPU objects: intermediate storages share pooled buffers where their lifetimes (first to
/// last step that touches them) do not overlap, every dispatch's parameter words go into one buffer uploaded
/// once, and each step's bindings are resolved to buffers so recording is a flat loop. With half storage every
/// intermediate except per-channel statistics holds fp16 (see <c>Shaders/Inference/tensor_storage.glsl</c>); the
/// caller's input and output stay fp32.
/// </summary>
internal static class PlanCompiler
{
    /// <exception cref="GraphicsException">A kernel failed to compile or a buffer could not be allocated.</exception>
    public static GpuBoundRun Compile(IGraphicsDevice device, PlanBuilder plan, TensorView output, NchwShape inputShape,
        Func<StepSpec, IReadOnlyList<string>, IComputeProgram> programFor, IStorageBuffer weights, TensorStorage storage)
    {
        var owned = new List<IStorageBuffer>();
        try
        {
            var steps = plan.Steps;
            var roots = AssignLifetimes(steps);
            if (storage == TensorStorage.Float16)
            {
                MarkHalf(steps, roots);
            }

            foreach (var (size, members) in PoolSlots(roots))
            {
                var buffer = device.CreateStorageBuffer(size);
                owned.Add(buffer);
                members.ForEach(root => root.Buffer = buffer);
            }

            var words = new List<int>(MemoryMarshal.Cast<float, int>(CollectionsMarshal.AsSpan(plan.PlanFloats)).ToArray());
            var bases = new int[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                bases[i] = words.Count;
                words.AddRange(steps[i].Parameters());
            }

            var data = device.CreateStorageBuffer(Math.Max(words.Count, 1) * sizeof(int));
            owned.Add(data);
            data.Upload(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(words)));

            var compiled = new PlanStep[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                var spec = steps[i];
                var buffers = new IStorageBuffer[6];
                for (var binding = 0; binding < buffers.Length; binding++)
                {
                    var operand = binding < spec.Bindings.Length ? spec.Bindings[binding] : null;
                    buffers[binding] = binding == 4 ? data : operand is not { } o ? weights : o.Source switch
                    {
                        OperandSource.Weights => weights,
                        OperandSource.PlanData => data,
                        _ => o.View!.Storage.ResolvedBuffer,
                    };
                }

                compiled[i] = new PlanStep(spec.Node, programFor(spec, StorageDefines(spec)), buffers, bases[i], spec.Groups);
            }

            var outputShape = new NchwShape(1, output.C, output.H, output.W);
            return new GpuBoundRun(device, compiled, owned, inputShape, outputShape, plan.MultiplyAdds);
        }
        catch
        {
            owned.ForEach(b => b.Dispose());
            throw;
        }
    }

    private static List<PlanStorage> AssignLifetimes(List<StepSpec> steps)
    {
        var roots = new HashSet<PlanStorage>();
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var view in steps[i].Views)
            {
                var root = view.Storage.Root;
                if (root.IsExternal)
                {
                    continue;
                }

                root.FirstStep = Math.Min(root.FirstStep, i);
                root.LastStep = Math.Max(root.LastStep, i);
                roots.Add(root);
            }
        }

        return [.. roots.OrderBy(r => r.FirstStep)];
    }

    /// <summary>
    /// Every intermediate root becomes half except those holding per-channel statistics (written by the statistics
    /// kernels or read as a channel scale): they are a few floats each, so fp16 would save nothing and cost the
    /// attention its precision.
    /// </summary>
    private static void MarkHalf(List<StepSpec> steps, List<PlanStorage> roots)
    {
        var statistics = new HashSet<PlanStorage>();
        foreach (var step in steps)
        {
            if (step.Kernel is PlanBuilder.StatisticsPartialsKernel or PlanBuilder.StatisticsKernel && At(step, 2) is { } written)
            {
                statistics.Add(written.Storage.Root);
            }

            if (At(step, 5) is { } scale)
            {
                statistics.Add(scale.Storage.Root);
            }
        }

        roots.ForEach(root => root.Half = !statistics.Contains(root));
    }

    private static TensorView? At(StepSpec step, int binding) =>
        binding < step.Bindings.Length && step.Bindings[binding] is { Source: OperandSource.Tensor, View: { } view } ? view : null;

    /// <summary>The tensor_storage.glsl defines for the step's half operands (bindings 0, 1 and 2).</summary>
    private static string[] StorageDefines(StepSpec step)
    {
        if (At(step, 5) is { Storage.Root.Half: true })
        {
            throw new InvalidOperationException($"{step.Node}: a channel scale must stay fp32");
        }

        var defines = new List<string>(3);
        if (At(step, 0) is { Storage.Root.Half: true })
        {
            defines.Add("IN0_HALF");
        }

        if (At(step, 1) is { Storage.Root.Half: true })
        {
            defines.Add("IN1_HALF");
        }

        if (At(step, 2) is { Storage.Root.Half: true })
        {
            defines.Add("OUT_HALF");
        }

        return [.. defines];
    }

    /// <summary>Greedy pooling (sizes in bytes): a root takes the smallest free slot that fits, else grows the largest free one.</summary>
    private static List<(int Size, List<PlanStorage> Members)> PoolSlots(List<PlanStorage> roots)
    {
        var slots = new List<(int Size, int BusyUntil, List<PlanStorage> Members)>();
        foreach (var root in roots)
        {
            var free = Enumerable.Range(0, slots.Count).Where(i => slots[i].BusyUntil < root.FirstStep).ToList();
            var fitting = free.Where(i => slots[i].Size >= root.Bytes).OrderBy(i => slots[i].Size).ToList();
            var chosen = fitting.Count > 0 ? fitting[0] : free.Count > 0 ? free.OrderByDescending(i => slots[i].Size).First() : -1;
            if (chosen < 0)
            {
                slots.Add((root.Bytes, root.LastStep, [root]));
                continue;
            }

            var slot = slots[chosen];
            slot.Members.Add(root);
            slots[chosen] = (Math.Max(slot.Size, root.Bytes), root.LastStep, slot.Members);
        }

        return slots.Select(s => (s.Size, s.Members)).ToList();
    }
}
