namespace HotlineBot.Storage;

public interface IMetaStore
{
    long Read(string key);
    void Write(string key, long value);
}
