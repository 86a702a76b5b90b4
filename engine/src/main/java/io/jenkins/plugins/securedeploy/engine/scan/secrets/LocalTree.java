package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks a local folder in the order of its sorted relative paths (children sorted by name, a folder's name taken
 * with its {@code /}, which is exactly the order of the sorted path strings), without following symbolic links.
 * Every folder is opened relative to its already-open parent and every file relative to its open folder
 * ({@link SecureDirectoryStream}: {@code openat}/{@code fstatat} with {@code O_NOFOLLOW}), so a folder swapped for a
 * symbolic link during the scan cannot lead outside the root. A folder's handle stays open until the last of its
 * files has been read (reference counted), which the bounded work queue keeps few.
 */
final class LocalTree implements TreeSource {
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ);
    private static final Comparator<Entry> ORDER = new ByKey();

    private final Path root;
    private final boolean gitignore;
    private final boolean skipDependencyFolders;

    private LocalTree(Path root, boolean gitignore, boolean skipDependencyFolders) {
        this.root = root;
        this.gitignore = gitignore;
        this.skipDependencyFolders = skipDependencyFolders;
    }

    /** A walker of {@code root}, or null where the platform has no secure directory streams. */
    static LocalTree open(Path root, boolean gitignore, boolean skipDependencyFolders) throws IOException {
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(root)) {
            return probe instanceof SecureDirectoryStream ? new LocalTree(root, gitignore, skipDependencyFolders)
                    : null;
        }
    }

    /** One listed entry; {@code file} is its name as the relative path the folder's handle opens it by. */
    private record Entry(String name, String key, boolean folder, long size, Path file) {}

    /** Entries in the order of their keys (a named class: no lambda and key extractor per comparison). */
    private static final class ByKey implements Comparator<Entry> {
        @Override
        public int compare(Entry a, Entry b) {
            return a.key().compareTo(b.key());
        }
    }

    /** An open folder, closed when the walker and every file task holding it are done. */
    private static final class Folder {
        final SecureDirectoryStream<Path> stream;
        final AtomicInteger holders = new AtomicInteger(1);

        Folder(SecureDirectoryStream<Path> stream) {
            this.stream = stream;
        }

        void release() throws IOException {
            if (holders.decrementAndGet() == 0) {
                stream.close();
            }
        }
    }

    /**
     * Opens a file of an open folder by the name path the listing made (on a worker: no second {@code Path.of} of the
     * name) and releases the folder.
     */
    private static final class FileOpener implements Opener {
        private final Folder folder;
        private final Path name;

        FileOpener(Folder folder, Path name) {
            this.folder = folder;
            this.name = name;
        }

        @Override
        public ReadableByteChannel open() throws IOException {
            return folder.stream.newByteChannel(name, READ);
        }

        @Override
        public void release() throws IOException {
            folder.release();
        }
    }

    @Override
    public void walk(Visitor visitor) throws IOException {
        @SuppressWarnings("unchecked")
        SecureDirectoryStream<Path> top = (SecureDirectoryStream<Path>) Files.newDirectoryStream(root);
        List<IgnoreLevel> ignores = new ArrayList<>();
        Path exclude = root.resolve(".git/info/exclude");
        if (gitignore && Files.isRegularFile(exclude, LinkOption.NOFOLLOW_LINKS)) {
            ignores.add(new IgnoreLevel("", GitIgnore.parse(Files.readString(exclude, StandardCharsets.UTF_8))));
        }
        walk(new Folder(top), "", visitor, ignores);
    }

    /** The rules of one folder's {@code .gitignore} (or of {@code .git/info/exclude}) and where that folder is. */
    private record IgnoreLevel(String prefix, GitIgnore rules) {}

    private void walk(Folder folder, String rel, Visitor visitor, List<IgnoreLevel> ignores) throws IOException {
        try {
            List<Entry> entries = new ArrayList<>();
            // every name of the folder (folders, files and others), only where something asks about siblings
            Set<String> names = gitignore || skipDependencyFolders ? new HashSet<>() : null;
            try {
                list(folder, entries, names);
            } catch (IOException | DirectoryIteratorException e) {
                visitor.unreadable(rel, true, e);
                return;
            }

            entries.sort(ORDER);
            boolean pushed = false;
            if (gitignore && names.contains(".gitignore")) {
                GitIgnore rules = readIgnore(folder);
                if (rules != null && !rules.isEmpty()) {
                    ignores.add(new IgnoreLevel(rel.isEmpty() ? "" : rel + "/", rules));
                    pushed = true;
                }
            }
            for (int i = 0, n = entries.size(); i < n; i++) {
                visit(folder, rel, entries.get(i), names, visitor, ignores);
            }
            if (pushed) {
                ignores.remove(ignores.size() - 1);
            }
        } finally {
            folder.release();
        }
    }

    /*
     * The bodies of the two per-folder loops are methods of their own (issue 21): walk and list are called once per
     * folder (~1,750 on the 322 MB tree, ~13 entries each), so C1 compiled them only after ~150 folders, and a loop
     * that a recursive call is inside of stays interpreted in the frames already running it; per entry, visit and
     * listed are compiled after the first couple of hundred entries, while the workers still wait for the first
     * batches.
     */
    private void visit(Folder folder, String rel, Entry e, Set<String> names, Visitor visitor,
            List<IgnoreLevel> ignores) throws IOException {
        String path = rel.isEmpty() ? e.name() : rel + "/" + e.name();
        if (gitignore && ignored(ignores, path, e.folder())) {
            visitor.ignored(path, e.folder());
        } else if (e.folder()) {
            folder(folder, e.name(), e.file(), path, names, visitor, ignores);
        } else if (visitor.selected(path)) {
            folder.holders.incrementAndGet();
            visitor.file(path, e.size(), new FileOpener(folder, e.file()));
        }
    }

    private static void list(Folder folder, List<Entry> entries, Set<String> names) throws IOException {
        for (Path p : folder.stream) {
            listed(folder, p.getFileName(), entries, names);
        }
    }

    private static void listed(Folder folder, Path name, List<Entry> entries, Set<String> names) throws IOException {
        BasicFileAttributes a;
        try {
            a = folder.stream.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return; // removed while the folder was listed, as a walk of paths would see it
        }
        String n = name.toString();
        if (names != null) {
            names.add(n);
        }
        if (a.isDirectory()) {
            entries.add(new Entry(n, n + "/", true, 0, name));
        } else if (a.isRegularFile()) {
            entries.add(new Entry(n, n, false, a.size(), name));
        }
    }

    private void folder(Folder parent, String name, Path file, String path, Set<String> siblings, Visitor visitor,
            List<IgnoreLevel> ignores) throws IOException {
        if (visitor.prunes(path)) {
            return;
        }
        String why = skipDependencyFolders ? DependencyFolders.why(name, siblings::contains) : null;
        SecureDirectoryStream<Path> child;
        try {
            child = parent.stream.newDirectoryStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            visitor.unreadable(path, true, e);
            return;
        }
        if (why == null && skipDependencyFolders && DependencyFolders.VIRTUALENV_NAMES.contains(name)
                && exists(child, DependencyFolders.VIRTUALENV_MARKER)) {
            why = name + " holding " + DependencyFolders.VIRTUALENV_MARKER;
        }
        if (why != null) {
            child.close();
            visitor.skippedFolder(path, why);
            return;
        }
        walk(new Folder(child), path, visitor, ignores);
    }

    private static boolean exists(SecureDirectoryStream<Path> dir, String name) {
        try {
            dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static GitIgnore readIgnore(Folder folder) throws IOException {
        try (ReadableByteChannel ch = folder.stream.newByteChannel(Path.of(".gitignore"), READ);
                InputStream in = Channels.newInputStream(ch)) {
            return GitIgnore.parse(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null; // a .gitignore that is a folder, a link or unreadable ignores nothing
        }
    }

    private static boolean ignored(List<IgnoreLevel> ignores, String path, boolean folder) {
        for (int i = ignores.size() - 1; i >= 0; i--) {
            IgnoreLevel level = ignores.get(i);
            if (!path.startsWith(level.prefix())) {
                continue;
            }
            Boolean decision = level.rules().decide(path.substring(level.prefix().length()), folder);
            if (decision != null) {
                return decision;
            }
        }
        return false;
    }
}
