package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of any {@link Workspace} (in memory, remote): its sorted listing, each file opened through the
 * workspace, which checks the path. Dependency folders are recognised from the listing (a folder is skipped where a
 * local walk would skip it); {@code .gitignore} files are not consulted here.
 */
final class WorkspaceTree implements TreeSource {
    private final Workspace workspace;
    private final List<String> files;
    private final boolean skipDependencyFolders;

    WorkspaceTree(Workspace workspace, List<String> files, boolean skipDependencyFolders) {
        this.workspace = workspace;
        this.files = files;
        this.skipDependencyFolders = skipDependencyFolders;
    }

    @Override
    public void walk(Visitor visitor) throws IOException {
        Set<String> all = skipDependencyFolders ? new HashSet<>(files) : Set.of();
        String skipping = null;
        for (String file : files) {
            if (skipping != null && file.startsWith(skipping)) {
                continue;
            }
            skipping = skipDependencyFolders ? skippedFolder(file, all, visitor) : null;
            if (skipping != null || !visitor.selected(file)) {
                continue;
            }
            long size;
            try {
                size = workspace.size(file);
            } catch (IOException | SecureDeployException e) {
                visitor.unreadable(file, false, e);
                continue;
            }
            visitor.file(file, size, new Opener() {
                @Override
                public ReadableByteChannel open() throws IOException {
                    return Channels.newChannel(workspace.open(file));
                }

                @Override
                public void release() {
                    // nothing held
                }
            });
        }
    }

    /** The first folder on {@code file}'s path that is skipped (reported, returned with its '/'), or null. */
    private static String skippedFolder(String file, Set<String> all, Visitor visitor) {
        for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
            String folder = file.substring(0, slash);
            if (visitor.prunes(folder)) {
                return null;
            }
            int cut = folder.lastIndexOf('/') + 1;
            String name = folder.substring(cut);
            String parent = folder.substring(0, cut);
            String why = DependencyFolders.why(name, marker -> all.contains(parent + marker));
            if (why == null && DependencyFolders.VIRTUALENV_NAMES.contains(name)
                    && all.contains(folder + "/" + DependencyFolders.VIRTUALENV_MARKER)) {
                why = name + " holding " + DependencyFolders.VIRTUALENV_MARKER;
            }
            if (why != null) {
                visitor.skippedFolder(folder, why);
                return folder + "/";
            }
        }
        return null;
    }
}
