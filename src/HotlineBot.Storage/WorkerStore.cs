using HotlineBot.Cases;

namespace HotlineBot.Storage;

internal sealed class WorkerStore : IWorkerStore
{
    private readonly LiteDB.ILiteCollection<WorkerState> _workers;
    private readonly UnitOfWork<long, WorkerState> _unit;

    public WorkerStore(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _workers = db.Collection<WorkerState>(Collections.Workers);
        _unit = new UnitOfWork<long, WorkerState>(db, w => w.Id, w => _workers.Upsert(w), keep: 256);
    }

    public WorkerState Get(long id) => _unit.Find(id, key => _workers.FindById(key) ?? new WorkerState { Id = key })!;

    public void Save(WorkerState worker) => _unit.Save(worker);
}
