using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class LifecycleTests
{
    [Test]
    public void HooksRunInUnityOrder()
    {
        using var host = new TestHost();
        var gameObject = new GameObject("Player");
        var recorder = gameObject.AddComponent<LifecycleRecorder>();
        Assert.That(recorder.Events, Is.Empty, "nothing runs before the object enters a world");

        host.World.Add(gameObject);
        host.Frames(2);
        recorder.Enabled = false;
        host.Frame();
        recorder.Destroy();

        Assert.That(recorder.Events, Is.EqualTo(new[]
        {
            "Awake", "OnEnable", "Start", "Update", "Update", "OnDisable", "OnDestroy",
        }));
    }

    [Test]
    public void StartRunsOnceBeforeTheFirstUpdateOfAComponentAddedMidRun()
    {
        using var host = new TestHost();
        var gameObject = host.World.CreateGameObject("Spawner");
        var spawner = gameObject.AddComponent<LifecycleRecorder>();
        LifecycleRecorder? spawned = null;
        host.Frame();
        spawner.OnNextUpdate = self => spawned = self.GameObject.AddComponent<LifecycleRecorder>();

        host.Frame();
        Assert.That(spawned, Is.Not.Null);
        Assert.That(spawned!.Events, Is.EqualTo(new[] { "Awake", "OnEnable" }), "added during Update: no Start or Update that frame");

        host.Frames(3);
        Assert.That(spawned.Events, Is.EqualTo(new[] { "Awake", "OnEnable", "Start", "Update", "Update", "Update" }));
    }

    [Test]
    public void AComponentAddedDuringStartIsNotUpdatedBeforeItsOwnStart()
    {
        using var host = new TestHost();
        var gameObject = new GameObject();
        var spawner = gameObject.AddComponent<LifecycleRecorder>();
        LifecycleRecorder? spawned = null;
        spawner.OnStart = self => spawned = self.GameObject.AddComponent<LifecycleRecorder>();
        host.World.Add(gameObject);

        host.Frame();
        Assert.That(spawned!.Events, Is.EqualTo(new[] { "Awake", "OnEnable" }));
        host.Frame();
        Assert.That(spawned.Events, Is.EqualTo(new[] { "Awake", "OnEnable", "Start", "Update" }));
    }

    [Test]
    public void StartWaitsUntilTheComponentIsFirstEnabled()
    {
        using var host = new TestHost();
        var gameObject = new GameObject();
        var recorder = gameObject.AddComponent<LifecycleRecorder>();
        recorder.Enabled = false;
        host.World.Add(gameObject);
        host.Frames(2);
        Assert.That(recorder.Events, Is.EqualTo(new[] { "Awake" }));

        recorder.Enabled = true;
        host.Frame();
        Assert.That(recorder.Events, Is.EqualTo(new[] { "Awake", "OnEnable", "Start", "Update" }));
    }

    [Test]
    public void DisabledComponentsAndInactiveObjectsAreNotUpdated()
    {
        using var host = new TestHost();
        var first = host.World.CreateGameObject("A").AddComponent<LifecycleRecorder>();
        var second = host.World.CreateGameObject("B").AddComponent<LifecycleRecorder>();
        host.Frame();

        first.Enabled = false;
        second.GameObject.SetActive(false);
        host.Frames(3);
        Assert.Multiple(() =>
        {
            Assert.That(first.Count("Update"), Is.EqualTo(1));
            Assert.That(second.Count("Update"), Is.EqualTo(1));
            Assert.That(second.Events[^1], Is.EqualTo("OnDisable"));
        });

        first.Enabled = true;
        second.GameObject.SetActive(true);
        host.Frame();
        Assert.Multiple(() =>
        {
            Assert.That(first.Count("Update"), Is.EqualTo(2));
            Assert.That(first.Count("Start"), Is.EqualTo(1), "re-enabling does not start again");
            Assert.That(second.Count("OnEnable"), Is.EqualTo(2));
        });
    }

    [Test]
    public void DestroyingDuringUpdateIsSafeAndFinal()
    {
        using var host = new TestHost();
        var killer = host.World.CreateGameObject("Killer").AddComponent<LifecycleRecorder>();
        var victim = host.World.CreateGameObject("Victim").AddComponent<LifecycleRecorder>();
        host.Frame();
        killer.OnNextUpdate = _ => victim.GameObject.Destroy();

        host.Frames(2);
        Assert.Multiple(() =>
        {
            Assert.That(victim.Count("Update"), Is.EqualTo(1), "destroyed before its turn in the same frame");
            Assert.That(victim.Events[^2..], Is.EqualTo(new[] { "OnDisable", "OnDestroy" }));
            Assert.That(host.World.GameObjects.Select(o => o.Name), Is.EqualTo(new[] { "Killer" }));
            Assert.That(victim.GameObject.World, Is.Null);
        });
    }

    [Test]
    public void GetComponentFindsByClassOrInterfaceAndSkipsRemovedOnes()
    {
        using var host = new TestHost();
        var gameObject = host.World.CreateGameObject();
        var first = gameObject.AddComponent<TagPass>();
        var second = gameObject.AddComponent<TagPass>();
        Assert.That(gameObject.GetComponent<IPostProcess>(), Is.SameAs(first));

        gameObject.RemoveComponent(first);
        Assert.Multiple(() =>
        {
            Assert.That(gameObject.GetComponent<TagPass>(), Is.SameAs(second));
            Assert.That(gameObject.GetComponents<Component>(), Is.EqualTo(new[] { second }));
            Assert.That(first.IsDestroyed);
        });
    }
}
