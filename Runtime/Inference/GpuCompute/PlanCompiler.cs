using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Turns a built plan into GPU objects: intermediate storages share pooled buffers where their lifetimes (first to
/// last step that touches them) do not overlap, every dispatch's parameter words go into one buffer uploaded
/// once, and each step's bindings are resolved to buffers so recording is a flat loop.
/// </summary>
internal static class PlanCompiler
{
    /// <exception cref="GraphicsException">A kernel failed to compile or a buffer could not be allocated.</exception>
    public static GpuBoundRun Compile(IGraphicsDevice device, PlanBuilder plan, TensorView output, NchwShape inputShape,
        Func<StepSpec, IComputeProgram> programFor, IStorageBuffer weights)
    {
        var owned = new List<IStorageBuffer>();
        try
        {
            var steps = plan.Steps;
            var roots = AssignLifetimes(steps);
            foreach (var (size, members) in PoolSlots(roots))
            {
                var buffer = device.CreateStorageBuffer(checked(size * sizeof(float)));
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

                compiled[i] = new PlanStep(spec.Node, programFor(spec), buffers, bases[i], spec.Groups);
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

    /// <summary>Greedy pooling: a root takes the smallest free slot that fits, else grows the largest free one.</summary>
    private static List<(int Size, List<PlanStorage> Members)> PoolSlots(List<PlanStorage> roots)
    {
        var slots = new List<(int Size, int BusyUntil, List<PlanStorage> Members)>();
        foreach (var root in roots)
        {
            var free = Enumerable.Range(0, slots.Count).Where(i => slots[i].BusyUntil < root.FirstStep).ToList();
            var fitting = free.Where(i => slots[i].Size >= root.Floats).OrderBy(i => slots[i].Size).ToList();
            var chosen = fitting.Count > 0 ? fitting[0] : free.Count > 0 ? free.OrderByDescending(i => slots[i].Size).First() : -1;
            if (chosen < 0)
            {
                slots.Add((root.Floats, root.LastStep, [root]));
                continue;
            }

            var slot = slots[chosen];
            slot.Members.Add(root);
            slots[chosen] = (Math.Max(slot.Size, root.Floats), root.LastStep, slot.Members);
        }

        return slots.Select(s => (s.Size, s.Members)).ToList();
    }
}
