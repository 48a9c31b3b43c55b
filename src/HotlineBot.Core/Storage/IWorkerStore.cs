using HotlineBot.Cases;

namespace HotlineBot.Storage;

public interface IWorkerStore
{
    WorkerState Get(long id);
    void Save(WorkerState worker);
}
