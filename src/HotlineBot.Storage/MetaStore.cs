namespace HotlineBot.Storage;

internal sealed class MetaStore(HotlineDatabase db) : IMetaStore
{
    private readonly LiteDB.ILiteCollection<MetaValue> _values = db.Collection<MetaValue>(Collections.Meta);

    public long Read(string key) => _values.FindById(key)?.Value ?? 0;

    public void Write(string key, long value) => _values.Upsert(new MetaValue { Id = key, Value = value });
}
