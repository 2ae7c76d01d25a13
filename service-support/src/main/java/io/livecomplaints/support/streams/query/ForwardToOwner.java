package io.livecomplaints.support.streams.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method that reads (or decides by) one key of a partitioned state store: the request is answered by
 * the instance owning the key's partition. On any other instance it is forwarded there (with the caller's token) and
 * the owner's answer is returned; see {@link StoreOwners#forward}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ForwardToOwner {

    /** The state store the key is read from. */
    String store();

    /** The path variable holding the key (a String key, partitioned by Kafka's default partitioner). */
    String key();
}
