using HotlineBot.Cases;

namespace HotlineBot.Storage;

internal sealed class WorkerStore(HotlineDatabase db) : IWorkerStore
{
    private readonly LiteDB.ILiteCollection<WorkerState> _workers = db.Collection<WorkerState>(Collections.Workers);

    public WorkerState Get(long id) => _workers.FindById(id) ?? new WorkerState { Id = id };

    public void Save(WorkerState worker) => _workers.Upsert(worker);
}
