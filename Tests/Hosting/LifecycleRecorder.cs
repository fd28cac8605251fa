using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>Records every lifecycle call it receives, and can run an action on its next update.</summary>
internal sealed class LifecycleRecorder : Component
{
    public List<string> Events { get; } = [];

    public Action<LifecycleRecorder>? OnNextUpdate { get; set; }

    public Action<LifecycleRecorder>? OnStart { get; set; }

    public int Count(string name) => Events.Count(e => e == name);

    protected override void Awake() => Events.Add("Awake");

    protected override void OnEnable() => Events.Add("OnEnable");

    protected override void Start()
    {
        Events.Add("Start");
        OnStart?.Invoke(this);
    }

    protected override void Update(FrameTime time)
    {
        Events.Add("Update");
        var action = OnNextUpdate;
        OnNextUpdate = null;
        action?.Invoke(this);
    }

    protected override void OnDisable() => Events.Add("OnDisable");

    protected override void OnDestroy() => Events.Add("OnDestroy");
}
