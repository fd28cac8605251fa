namespace NeuralPost.Hosting;

/// <summary>
/// A named, activatable holder of components, as in Unity. Components keep the order they were added in, which is
/// also the order their post-processes run in.
/// </summary>
public sealed class GameObject
{
    private readonly List<Component> _components = [];

    /// <summary>Creates an active object outside any world; <see cref="World.Add"/> brings it to life.</summary>
    public GameObject(string name = "GameObject")
    {
        Name = name;
        Transform = new Transform();
    }

    /// <summary>Name, for logs and lookups.</summary>
    public string Name { get; set; }

    /// <summary>Whether the object is active; an inactive object's components neither update nor render.</summary>
    public bool ActiveSelf { get; private set; } = true;

    /// <summary>Placement of the object.</summary>
    public Transform Transform { get; }

    /// <summary>The world the object belongs to, or null before it is added and after it is destroyed.</summary>
    public World? World { get; internal set; }

    /// <summary>Whether the object has been destroyed.</summary>
    public bool IsDestroyed { get; private set; }

    /// <summary>The component list, destroyed entries included until the world compacts it.</summary>
    internal List<Component> ComponentList => _components;

    /// <summary>
    /// Activates or deactivates the object, calling <c>OnEnable</c> or <c>OnDisable</c> on its enabled components.
    /// </summary>
    public void SetActive(bool active)
    {
        if (ActiveSelf == active)
        {
            return;
        }

        ActiveSelf = active;
        var count = _components.Count;
        for (var i = 0; i < count; i++)
        {
            _components[i].RefreshActivation();
        }
    }

    /// <summary>
    /// Adds a new component. On an object already in a world it is awoken (and enabled) at once, and started before
    /// its first update.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object has been destroyed.</exception>
    public T AddComponent<T>() where T : Component, new()
    {
        if (IsDestroyed)
        {
            throw new InvalidOperationException($"cannot add a component to destroyed object '{Name}'");
        }

        var component = new T();
        component.Attach(this);
        _components.Add(component);
        if (World is not null)
        {
            component.RunAwake();
        }

        return component;
    }

    /// <summary>The first live component of type <typeparamref name="T"/> (a class or an interface), or null.</summary>
    public T? GetComponent<T>() where T : class
    {
        foreach (var component in _components)
        {
            if (!component.IsDestroyed && component is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>All live components of type <typeparamref name="T"/>, in the order they were added.</summary>
    public IReadOnlyList<T> GetComponents<T>() where T : class
    {
        var results = new List<T>();
        GetComponents(results);
        return results;
    }

    /// <summary>Fills <paramref name="results"/> (cleared first) with live components of type <typeparamref name="T"/>; allocates nothing.</summary>
    public void GetComponents<T>(List<T> results) where T : class
    {
        ArgumentNullException.ThrowIfNull(results);
        results.Clear();
        foreach (var component in _components)
        {
            if (!component.IsDestroyed && component is T match)
            {
                results.Add(match);
            }
        }
    }

    /// <summary>
    /// Destroys a component of this object: <c>OnDisable</c> (if it was running), then <c>OnDestroy</c>.
    /// Safe to call from inside a world update or render.
    /// </summary>
    /// <exception cref="ArgumentException">The component belongs to another object.</exception>
    public void RemoveComponent(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!ReferenceEquals(component.GameObject, this))
        {
            throw new ArgumentException($"the component is not on '{Name}'", nameof(component));
        }

        if (component.IsDestroyed)
        {
            return;
        }

        component.RunDestroy();
        if (World is { IsIterating: true } world)
        {
            world.RequestCompaction();
        }
        else
        {
            _components.Remove(component);
        }
    }

    /// <summary>Destroys the object and all its components and takes it out of its world.</summary>
    public void Destroy()
    {
        if (World is { } world)
        {
            world.Destroy(this);
        }
        else
        {
            DestroyComponents();
        }
    }

    internal void EnterWorld(World world)
    {
        World = world;
        var count = _components.Count;
        for (var i = 0; i < count; i++)
        {
            _components[i].RunAwake();
        }
    }

    internal void DestroyComponents()
    {
        IsDestroyed = true;
        var count = _components.Count;
        for (var i = 0; i < count; i++)
        {
            _components[i].RunDestroy();
        }
    }

    internal void CompactComponents() => _components.RemoveAll(static c => c.IsDestroyed);
}
