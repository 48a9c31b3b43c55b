using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotlineBot.Storage;

public static class StorageServices
{
    public static IServiceCollection AddHotlineStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new HotlineDatabase(options.Path, options.Password);
        });
        services.AddSingleton<ITransactions>(sp => sp.GetRequiredService<HotlineDatabase>());
        services.AddSingleton(sp => new InHandMarker(sp.GetRequiredService<HotlineDatabase>().Path));
        services.AddSingleton<IPersonStore, PersonStore>();
        services.AddSingleton<ICaseStore, CaseStore>();
        services.AddSingleton<IWorkerStore, WorkerStore>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<IInboxStore, InboxStore>();
        services.AddSingleton<IMetaStore, MetaStore>();
        services.AddSingleton<ISentMessageStore, SentMessageStore>();
        services.AddSingleton<IChatMessageLog, ChatMessageLog>();
        services.AddSingleton<IHeldStore, HeldStore>();
        services.AddSingleton<IDeadLetterStore, DeadLetterStore>();
        services.AddSingleton<ICaseThreadStore, CaseThreadStore>();
        return services;
    }
}
