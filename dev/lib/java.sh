# Sourced by dev/up and bench/startup-rss.sh: how a ChatROI service JVM is launched, in one place.

# Small heaps and the serial collector: four services idle well under 300 MB each on a 2-core machine.
: "${CHATROI_JAVA_OPTS:=-Xms64m -Xmx256m -XX:+UseSerialGC}"

# chatroi_java_args JAR: sets the array CHATROI_JAVA_ARGS to the JVM options for JAR.
# Class-data sharing: the first run of a freshly built service records every class it loaded into
# app-dynamic.jsa (written when the JVM exits normally, e.g. on dev/down); later runs map that archive instead of
# loading and verifying the classes again, which takes about a third off the start-up time. A rebuilt jar
# needs a new archive (chatroi_forget_class_archives), and a JVM that cannot use an archive just ignores it.
chatroi_java_args() {
  local jar=$1 archive
  archive="$(dirname "$jar")/app-dynamic.jsa"
  read -r -a CHATROI_JAVA_ARGS <<<"$CHATROI_JAVA_OPTS"
  if [ -f "$archive" ]; then
    CHATROI_JAVA_ARGS+=("-XX:SharedArchiveFile=$archive")
  else
    CHATROI_JAVA_ARGS+=("-XX:ArchiveClassesAtExit=$archive")
  fi
}

# chatroi_forget_class_archives ROOT: drops the class archives of every service, after a build changed the jars.
chatroi_forget_class_archives() {
  rm -f "$1"/*/target/quarkus-app/app-dynamic.jsa
}
