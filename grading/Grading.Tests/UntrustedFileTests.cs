using System.Runtime.InteropServices;
using Grading.Autograde;

namespace Grading.Tests;

/// <summary>
/// Submissions are read as untrusted files: real files only, size checked before reading, reads bounded.
/// </summary>
public class UntrustedFileTests
{
    private readonly string root = Fixture.TempFolder();

    private string Student(string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    [Fact]
    public void ARegularFile_IsRead()
    {
        var file = Path.Combine(Student("alice"), "tiny.ipynb");
        File.WriteAllText(file, "{}");
        Assert.Equal(
            ("{}", null),
            (System.Text.Encoding.UTF8.GetString(UntrustedFile.Read(root, file, 100).Content!),
             UntrustedFile.Read(root, file, 100).Problem));
    }

    [Fact]
    public void ASymlinkToAClassmatesNotebook_IsRefused()
    {
        var classmate = Path.Combine(Student("bob"), "tiny.ipynb");
        File.WriteAllText(classmate, "{}");
        var link = Path.Combine(Student("mallory"), "tiny.ipynb");
        File.CreateSymbolicLink(link, classmate);

        var (content, problem) = UntrustedFile.Read(root, link, 100);
        Assert.Null(content);
        Assert.StartsWith("mallory/tiny.ipynb is a symbolic link; submissions must be real files and folders", problem);
    }

    [Fact]
    public void ASymlinkedFolder_IsRefused_EvenWhenTheFileInItIsReal()
    {
        var instructor = Directory.CreateDirectory(Path.Combine(Fixture.TempFolder(), "notebooks")).FullName;
        File.WriteAllText(Path.Combine(instructor, "tiny.ipynb"), "{}");
        Directory.CreateSymbolicLink(Path.Combine(Student("mallory"), "notebooks"), instructor);

        var problem = UntrustedFile.Read(root, Path.Combine(root, "mallory", "notebooks", "tiny.ipynb"), 100).Problem;
        Assert.StartsWith("mallory/notebooks is a symbolic link", problem);
    }

    [Fact]
    public void ASymlinkToDevZero_IsRefused_WithoutReading() =>
        Assert.StartsWith(
            "zero/tiny.ipynb is a symbolic link",
            UntrustedFile.Read(root, Link("zero", "/dev/zero"), 100).Problem);

    [Fact]
    public void AFifo_IsRefused_WithoutOpeningIt()
    {
        var fifo = Path.Combine(Student("pipe"), "tiny.ipynb");
        Assert.Equal(0, MakeFifo(fifo, 0x180));
        Assert.StartsWith("pipe/tiny.ipynb is not a regular file", UntrustedFile.Read(root, fifo, 100).Problem);
    }

    [Fact]
    public void ADevice_IsRefused() =>
        Assert.StartsWith("zero is not a regular file", UntrustedFile.Read("/dev", "/dev/zero", 100).Problem);

    [Fact]
    public void AFileOverTheCap_IsRefusedBeforeAByteIsRead()
    {
        var huge = Path.Combine(Student("huge"), "tiny.ipynb");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(3L << 30); // 3 GB, sparse: nothing is written, so the test is instant.
        }

        var (content, problem) = UntrustedFile.Read(root, huge, SubmissionFinder.MaxNotebookBytes);
        Assert.Null(content);
        Assert.Equal("huge/tiny.ipynb is 3072 MB; the grader reads notebooks up to 32 MB. Clear large outputs " +
                     "(Clear All Outputs) and submit again.", problem);
    }

    [Fact]
    public void APathOutsideTheRoot_IsRefused() =>
        Assert.EndsWith(
            "is outside the submissions folder " + root + ".",
            UntrustedFile.Read(root, "/etc/hostname", 100).Problem);

    private string Link(string student, string target)
    {
        var link = Path.Combine(Student(student), "tiny.ipynb");
        File.CreateSymbolicLink(link, target);
        return link;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
