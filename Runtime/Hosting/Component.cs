namespace NeuralPost.Hosting;

/// <summary>
/// Behaviour attached to a <see cref="GameObject"/>, with Unity's lifecycle: <see cref="Awake"/> once when the
/// component enters a world, <see cref="OnEnable"/> each time it becomes active and enabled, <see cref="Start"/>
/// once before its first <see cref="Update"/>, <see cref="OnDisable"/> each time it stops being active and
/// enabled, and <see cref="OnDestroy"/> once when it is removed.
/// </summary>
public abstract class Component
{
    private GameObject? _gameObject;
    private bool _enabled = true;

    /// <summary>The object this component is attached to.</summary>
    /// <exception cref="InvalidOperationException">The component was constructed but never added to an object.</exception>
    public GameObject GameObject =>
        _gameObject ?? throw new InvalidOperationException($"{GetType().Name} is not attached; use GameObject.AddComponent");

    /// <summary>The transform of <see cref="GameObject"/>.</summary>
    public Transform Transform => GameObject.Transform;

    /// <summary>
    /// Whether the component wants to run. Changing it calls <see cref="OnEnable"/> or <see cref="OnDisable"/> when
    /// that changes <see cref="IsActiveAndEnabled"/>.
    /// </summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            if (_enabled != value)
            {
                _enabled = value;
                RefreshActivation();
            }
        }
    }

    /// <summary>
    /// True between <see cref="OnEnable"/> and <see cref="OnDisable"/>: enabled, on an active object, in a world
    /// and not destroyed. Only such components are updated and rendered.
    /// </summary>
    public bool IsActiveAndEnabled { get; private set; }

    /// <summary>
    /// Set by the host when this component's post-process threw; the host then uses the fallback for it. Cleared
    /// when the component is enabled again, which is how a game retries a failed pass.
    /// </summary>
    public bool IsFaulted { get; internal set; }

    /// <summary>Whether the component has been destroyed; a destroyed component never runs again.</summary>
    public bool IsDestroyed { get; private set; }

    internal bool Awoken { get; private set; }

    internal bool Started { get; private set; }

    /// <summary>Set when this component's post-process fallback threw, so that too is logged only once.</summary>
    internal bool FallbackFaulted { get; set; }

    /// <summary>Removes this component from its object, calling <see cref="OnDisable"/> and <see cref="OnDestroy"/>.</summary>
    public void Destroy() => GameObject.RemoveComponent(this);

    /// <summary>Called once when the component enters a world, before its first <see cref="OnEnable"/>.</summary>
    protected virtual void Awake()
    {
    }

    /// <summary>Called when the component becomes active and enabled.</summary>
    protected virtual void OnEnable()
    {
    }

    /// <summary>Called once, before the first <see cref="Update"/> of this component.</summary>
    protected virtual void Start()
    {
    }

    /// <summary>Called once per world update while the component is active and enabled.</summary>
    protected virtual void Update(FrameTime time)
    {
    }

    /// <summary>Called when the component stops being active and enabled, including just before destruction.</summary>
    protected virtual void OnDisable()
    {
    }

    /// <summary>Called once when the component is destroyed, if it was ever awoken.</summary>
    protected virtual void OnDestroy()
    {
    }

    internal void Attach(GameObject gameObject) => _gameObject = gameObject;

    internal void RunAwake()
    {
        if (Awoken || IsDestroyed)
        {
            return;
        }

        Awoken = true;
        Awake();
        RefreshActivation();
    }

    internal void RunStart()
    {
        Started = true;
        Start();
    }

    internal void RunUpdate(FrameTime time) => Update(time);

    internal void RunDestroy()
    {
        if (IsDestroyed)
        {
            return;
        }

        IsDestroyed = true;
        RefreshActivation();
        if (Awoken)
        {
            OnDestroy();
        }
    }

    /// <summary>Brings <see cref="IsActiveAndEnabled"/> up to date and calls the matching hook if it changed.</summary>
    internal void RefreshActivation()
    {
        var shouldRun = _enabled && Awoken && !IsDestroyed && _gameObject is { ActiveSelf: true, World: not null };
        if (shouldRun == IsActiveAndEnabled)
        {
            return;
        }

        IsActiveAndEnabled = shouldRun;
        if (shouldRun)
        {
            IsFaulted = false;
            FallbackFaulted = false;
            OnEnable();
        }
        else
        {
            OnDisable();
        }
    }
}
