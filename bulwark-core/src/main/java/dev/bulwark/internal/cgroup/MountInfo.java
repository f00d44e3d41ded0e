package dev.bulwark.internal.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cgroup mounts listed in {@code /proc/self/mountinfo} (proc(5)): the line format is {@code id
 * parent major:minor root mount-point options [optional...] - fstype source super-options}.
 */
record MountInfo(Path mountPoint, String fsType, Set<String> superOptions) {

  static List<MountInfo> parseCgroupMounts(String text) {
    List<MountInfo> mounts = new ArrayList<>();
    for (String line : text.split("\n")) {
      int separator = line.indexOf(" - ");
      if (separator < 0) {
        continue;
      }
      String[] left = line.substring(0, separator).split(" ");
      String[] right = line.substring(separator + 3).split(" ");
      if (left.length < 5 || right.length < 3) {
        continue;
      }
      String fsType = right[0];
      if (fsType.equals("cgroup") || fsType.equals("cgroup2")) {
        // Set.copyOf, not Set.of: it tolerates an option listed twice
        Set<String> options = Set.copyOf(List.of(right[2].split(",")));
        mounts.add(new MountInfo(Path.of(unescape(left[4])), fsType, options));
      }
    }
    return mounts;
  }

  /**
   * The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}).
   */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
